package org.asfast.workloads.douglis;

import org.asfast.spi.Platform;
import org.asfast.spi.Threads;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. Table 3, thread creation: "the time to create a new entity that shares memory with its parent: a
 * thread in Amoeba or a process in Sprite" (a shared-memory fork), which runs to its end while its creator waits.
 */
public final class ThreadCreation implements Workload {
    private final Threads threads;

    public ThreadCreation(Platform platform) {
        threads = platform.require(Threads.class);
    }

    /** Creates one and waits for it. */
    public void createAndJoin() {
        threads.createAndJoin();
    }
}
