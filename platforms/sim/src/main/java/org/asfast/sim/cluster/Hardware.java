package org.asfast.sim.cluster;

/**
 * A simulated node's processor: how fast it runs the VAX-equivalent instructions the protocols charge.
 * Kernel work runs {@code kernelCpi} times slower than the rating, as in the modelled 1990 machines; copies
 * move at {@code memoryMbs} (Mbytes of 2^20 bytes per second).
 */
public record Hardware(String name, double mips, double kernelCpi, double memoryMbs) {
    public Hardware {
        if (!(mips > 0) || !(kernelCpi > 0) || !(memoryMbs > 0)) {
            throw new IllegalArgumentException(name + ": MIPS, kernel CPI and memory speed must be positive numbers");
        }
    }

    /** Nanoseconds for {@code instructions} of kernel code. */
    double kernelNanos(double instructions) {
        return instructions * kernelCpi / mips * 1000;
    }

    /** Nanoseconds for {@code instructions} of user code. */
    double userNanos(double instructions) {
        return instructions / mips * 1000;
    }

    /** Nanoseconds to copy {@code bytes} through memory. */
    double copyNanos(double bytes) {
        return bytes / (memoryMbs * (1 << 20)) * 1e9;
    }
}
