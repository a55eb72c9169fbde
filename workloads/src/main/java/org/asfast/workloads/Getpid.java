package org.asfast.workloads;

import org.asfast.spi.KernelEntry;
import org.asfast.spi.Platform;

/**
 * Ousterhout §4, Kernel Entry-Exit: "measures the cost of entering and leaving the operating system
 * kernel ... by repeatedly invoking the getpid kernel call and taking the average time per
 * invocation. Getpid does nothing but return the caller's process identifier."
 */
public final class Getpid implements Workload {
    private final KernelEntry kernel;

    public Getpid(Platform platform) {
        kernel = platform.require(KernelEntry.class);
    }

    /** One getpid kernel call; returns the pid so that nothing can optimise the call away. */
    public long call() {
        return kernel.nullCall();
    }
}
