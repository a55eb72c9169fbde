package org.asfast.workloads.douglis;

import org.asfast.spi.Platform;
import org.asfast.spi.Threads;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. Table 3, context switch: "the fastest possible round-trip context switch in each system: a null
 * RPC in Amoeba and synchronization using shared memory and kernel-level wakeup calls in Sprite" (two switches).
 */
public final class ContextSwitch implements Workload {
    private final Threads threads;

    public ContextSwitch(Platform platform) {
        threads = platform.require(Threads.class);
    }

    /** One round trip to the partner and back. */
    public void roundTrip() {
        threads.switchRoundTrip();
    }
}
