package org.asfast.workloads.douglis;

import org.asfast.spi.Platform;
import org.asfast.spi.RemoteExecution;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. Table 3, fork: "the time to create an identical process that does not share memory" with its
 * parent. As Sprite's own fork benchmark does it (src/benchmarks/fork): the child exits at once and the parent
 * waits for it. Normal in Sprite; in Amoeba, "the only way to perform the equivalent of a UNIX fork is to
 * communicate with a special server that will suspend the forking process and copy its state from user-level".
 */
public final class Fork implements Workload {
    private final RemoteExecution processes;

    public Fork(Platform platform) {
        processes = platform.require(RemoteExecution.class);
    }

    /** One fork, the child's exit and the parent's wait. */
    public void forkAndWait() {
        processes.forkAndWait();
    }
}
