package org.asfast.spi;

/** Entering and leaving the kernel with a call that does no other work (Ousterhout §4). */
public interface KernelEntry extends Capability {

    /** Makes one real kernel call (getpid on UNIX) and returns its result. */
    long nullCall();
}
