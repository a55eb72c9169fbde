package org.asfast.spi;

/**
 * Starting processes on a distributed system's processors (Douglis et al. §3.4, Tables 3 and 4): a small program
 * invoked here or on another processor, and a UNIX-like fork.
 */
public interface RemoteExecution extends Capability {

    /** Where a new program runs. */
    enum Site {
        /** On the caller's own processor. */
        LOCAL,
        /** On another processor the caller names ("remote host known in advance"). */
        REMOTE_SPECIFIED,
        /** On a processor the system chooses at invocation time. */
        REMOTE_UNSPECIFIED
    }

    /**
     * Invokes a small program that exits at once, at {@code site}, and waits for it to exit. Throws
     * {@link UserError} with a one-line message when the processor does not answer in time.
     */
    void invoke(Site site);

    /** A UNIX fork: a copy of the caller that exits at once; the caller waits for it. */
    void forkAndWait();
}
