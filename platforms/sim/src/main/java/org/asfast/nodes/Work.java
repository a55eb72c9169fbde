package org.asfast.nodes;

/**
 * Kinds of CPU work, so a node's load can be split the way Thekkath et al.'s Figure 3 splits a server's:
 * receiving data, transferring control, the procedure itself, and the reply.
 */
public enum Work {
    /** Interrupts, per-packet driver and protocol work for data arriving or leaving. */
    DATA_TRANSFER,
    /** Scheduling, waking a thread, a context switch: handing control to the code that acts on a message. */
    CONTROL_TRANSFER,
    /** The operation asked for. */
    PROCEDURE,
    /** Building and sending the reply. */
    REPLY,
    /** Entering and leaving the kernel (a trap). */
    KERNEL_CALL;

    /**
     * Whether this kind is a program's own code, which a simulated machine runs at its MIPS rating; the other kinds
     * are the kernel's, which it runs its kernel CPI times slower.
     */
    public boolean isUserCode() {
        return this == PROCEDURE;
    }
}
