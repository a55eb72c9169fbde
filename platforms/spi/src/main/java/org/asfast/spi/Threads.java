package org.asfast.spi;

/**
 * Lightweight threads of control on one processor (Douglis et al. Table 3): the fastest round trip between two
 * of them, and creating one that shares its creator's memory.
 */
public interface Threads extends Capability {

    /** Passes control to a partner on the same processor and back: two context switches, by the system's fastest means. */
    void switchRoundTrip();

    /** Creates a thread (or process) sharing the caller's memory, lets it run to its end, and waits for it. */
    void createAndJoin();
}
