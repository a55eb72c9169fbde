package org.asfast.model;

/**
 * A modelled machine's hardware, as the Ousterhout model uses it, read-only: each value is the parameter it comes
 * from, with its unit and source ({@code documented:}, {@code assumption:} or {@code calibration: <cell>}). A
 * distributed system simulated on one of these machines charges its work with the same figures, so a cell of another
 * paper predicted from a parameter calibrated on Ousterhout's tables is out-of-sample evidence (see each source).
 *
 * <p>Instruction counts are VAX-equivalent instructions: {@code instructions / MIPS} is time, as in Table 1's ratings.
 *
 * @param machine            the machine's name in the model ({@code Sun3}, {@code MVAX2}, {@code Sun3/60}, ...)
 * @param mips               integer rating, MIPS
 * @param kernelCpi          how much slower than its rating the machine runs kernel code (1 on CISC machines)
 * @param trapInstructions   entering and leaving the kernel once, instructions
 * @param switchedRegisters  registers saved and loaded on a process switch, words
 * @param cache              {@code none}, {@code write-through} or {@code write-back}
 * @param cacheKb            data cache size, KB
 * @param memoryMbs          uncached memory copy bandwidth, MB/s (Ousterhout's Mbyte, 2^20 bytes)
 * @param ethernetMbps       the Ethernet's bit rate, Mbit/s
 * @param packetBytes        the largest packet's payload, bytes
 * @param packetHeaderBytes  headers on every packet (Ethernet, IP, UDP, RPC), bytes
 * @param packetInstructions driver and protocol work per packet on each side, instructions
 * @param diskSeekMs         a seek to another cylinder, ms
 * @param diskRotationMs     one rotation, ms
 * @param diskOverheadMs     controller and driver work per command, ms
 * @param diskTrackKb        one track, KB
 */
public record MachineHardware(String machine, Parameter mips, Parameter kernelCpi, Parameter trapInstructions,
        Parameter switchedRegisters, Parameter cache, Parameter cacheKb, Parameter memoryMbs,
        Parameter ethernetMbps, Parameter packetBytes, Parameter packetHeaderBytes, Parameter packetInstructions,
        Parameter diskSeekMs, Parameter diskRotationMs, Parameter diskOverheadMs, Parameter diskTrackKb) {

    /** User-mode instructions at the machine's rating, in nanoseconds (as the model's Hardware charges them). */
    public double userNanos(double instructions) {
        return instructions / mips.number() * 1000;
    }

    /** Kernel instructions, slower than the rating by the kernel CPI factor, in nanoseconds. */
    public double kernelNanos(double instructions) {
        return instructions * kernelCpi.number() / mips.number() * 1000;
    }

    /** Packets a message of {@code bytes} needs on the Ethernet (at least one). */
    public long packets(long bytes) {
        return Math.max(1, (long) Math.ceil(bytes / packetBytes.number()));
    }

    /** Time on the wire for a message of {@code bytes}, headers of every packet included, in nanoseconds. */
    public double wireNanos(long bytes) {
        return (bytes + packets(bytes) * packetHeaderBytes.number()) * 8 / ethernetMbps.number() * 1000;
    }
}
