package org.asfast.jmh;

import org.asfast.spi.Clock;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The virtual time a modelled platform's clock advanced during each measurement iteration, the
 * operations done in it and the bytes they moved, reported by JMH as the secondary results
 * "virtualNanos", "operations" and "bytes": virtualNanos / operations is the modelled time per
 * operation, bytes / operations what a bandwidth divides by the time. On a real platform virtualNanos
 * stays zero and JMH's own score is the result; on a modelled one, JMH's score measures the simulator.
 * Every benchmark takes this state and counts its operations (and bytes, if it moves data).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class VirtualTime {
    /** The clock of the platform the benchmark thread opened, set by {@link OnPlatform}. */
    static final ThreadLocal<Clock> CLOCK = new ThreadLocal<>();
    /** Virtual time spent in untimed per-invocation set-up during the current iteration. */
    private static final ThreadLocal<long[]> EXCLUDED = ThreadLocal.withInitial(() -> new long[1]);

    public long virtualNanos;
    public long operations;
    public long bytes;
    private long start;

    @Setup(Level.Iteration)
    public void startIteration() {
        virtualNanos = 0;
        operations = 0;
        bytes = 0;
        EXCLUDED.get()[0] = 0;
        Clock clock = CLOCK.get();
        start = clock != null && clock.isVirtual() ? clock.nanos() : 0;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        Clock clock = CLOCK.get();
        if (clock != null && clock.isVirtual()) {
            virtualNanos = clock.nanos() - start - EXCLUDED.get()[0];
        }
    }

    /** As {@link #untimed(java.util.function.Supplier)}, for set-up work with no result (a benchmark's invocation set-up). */
    static void untimed(Runnable work) {
        untimed(() -> {
            work.run();
            return null;
        });
    }

    /** Runs untimed set-up work, keeping the virtual time it takes out of the iteration's total. */
    static <T> T untimed(java.util.function.Supplier<T> work) {
        Clock clock = CLOCK.get();
        long before = clock == null ? 0 : clock.nanos();
        T result = work.get();
        if (clock != null && clock.isVirtual()) {
            EXCLUDED.get()[0] += clock.nanos() - before;
        }
        return result;
    }
}
