package org.asfast.model;

import org.asfast.sim.FifoResource;
import org.asfast.sim.Simulation;

/**
 * One modelled machine: its CPU, memory system and disk, charging their costs to its view of the simulation's time.
 * Instruction counts are VAX-equivalent instructions, so that {@code instructions / MIPS} is time,
 * as in Table 1's ratings.
 */
final class Hardware {
    final VirtualClock clock;
    final Disk disk;
    /** Message handlers queue here, one at a time (the workload's own work does not: it is the simulation's caller). */
    private final FifoResource cpu;
    final long cacheBytes;
    private final double mips;
    private final double kernelCpi;
    private final double trapInstructions;
    private final double switchedRegisters;
    private final double memoryMbs;
    private final String cache;

    Hardware(Simulation simulation, ModelSpec spec) {
        clock = new VirtualClock(simulation);
        cpu = new FifoResource(simulation, "cpu");
        mips = spec.number("mips");
        kernelCpi = spec.number("kernel_cpi");
        trapInstructions = spec.number("trap_instructions");
        switchedRegisters = spec.number("switched_registers");
        memoryMbs = spec.number("memory_mbs");
        cache = spec.word("cache");
        cacheBytes = (long) (spec.number("cache_kb") * 1024);
        disk = new Disk(clock, spec);
    }

    /**
     * Runs a message handler that arrives now: it starts when the CPU is free, charges its work on its own time and
     * returns when that work ends (when what it sends leaves).
     */
    double handle(Runnable handler) {
        return cpu.serve(clock.simulation().now(), start -> clock.runHandler(start, handler));
    }

    /** User-mode instructions run at the machine's rating. */
    void user(double instructions) {
        clock.advance(instructions / mips * 1000);
    }

    /** Kernel instructions run slower than the rating by the machine's kernel CPI factor. */
    void kernel(double instructions) {
        clock.advance(instructions * kernelCpi / mips * 1000);
    }

    /** Entering and leaving the kernel once: kernel code too, so at the kernel's speed. */
    void trap() {
        kernel(trapInstructions);
    }

    /** A system call: trap plus its kernel path. */
    void syscall(double pathInstructions) {
        trap();
        kernel(pathInstructions);
    }

    /**
     * A process switch: the scheduler's path, then storing one process's registers and loading the
     * other's. The stores go to memory through a write-through cache (or with no cache) and stay in a
     * write-back one; the loads hit any cache.
     */
    void contextSwitch(double schedulerInstructions) {
        kernel(schedulerInstructions);
        double bytes = switchedRegisters * 4;
        copy(bytes, false, true); // store: stays in the cache only if it is write-back
        copy(bytes, true, true); // load: hits any cache
    }

    /**
     * Copies memory. Without a cache every byte moves at memory speed. With one, a copy whose source
     * and destination fit in it sends only its stores to memory (write-through) or nothing (write-back),
     * modelled as twice the uncached rate; a copy out of memory into a cached buffer runs at memory speed
     * on a write-through cache and at twice that on a write-back one, whose buffer stays in the cache (§8).
     */
    void copy(double bytes, boolean sourceCached, boolean destinationCached) {
        double rate = memoryMbs;
        if (!cache.equals("none") && destinationCached && (sourceCached || cache.equals("write-back"))) {
            rate = 2 * memoryMbs;
        }
        clock.advance(bytes / (rate * MBYTE) * 1e9);
    }

    /** Ousterhout's Mbyte, as in the report's bandwidths: 2^20 bytes. */
    static final double MBYTE = 1 << 20;

    /** True if a copy of this size keeps its source and destination in the cache. */
    boolean fitsInCache(long bytes) {
        return 2 * bytes <= cacheBytes;
    }
}
