package org.asfast.workloads.thekkath;

import org.asfast.spi.Platform;
import org.asfast.spi.RemoteMemory;
import org.asfast.workloads.Workload;

/**
 * Thekkath et al. Table 2, Write latency: a single-cell WRITE (40 bytes) is non-blocking and unacknowledged (§3.1:
 * it "only guarantees that the data has been accepted by the network"), so its latency is one way, issue to arrival.
 * One operation is a WRITE to the segment another machine exported as {@code bench-echo}, whose owner WRITEs one
 * cell back the same way: two one-way WRITEs (the benchmark counts two operations). With notification both WRITEs
 * set the notification bit, so the difference from the plain WRITE is the paper's notification overhead.
 */
public final class RemoteWriteLatency implements Workload {
    /** The segment whose owner echoes every WRITE. */
    public static final String ECHO = "bench-echo";
    /** One-way WRITEs per operation: the WRITE and its echo. */
    public static final int WRITES_PER_OPERATION = 2;

    private final RemoteMemory memory;
    private final boolean notify;

    public RemoteWriteLatency(Platform platform, boolean notify) {
        memory = platform.require(RemoteMemory.class);
        this.notify = notify;
        // Both rows start with one notified echo, untimed: live, a notification runs on the node's other thread
        // (switchTo), whose first use holds the node's threads on one CPU until it closes (CpuPin), on the client and
        // on the echoing server alike. So the plain and the notified rows run under the same CPU placement, and their
        // difference is the notification's cost, not a change of placement.
        memory.writeEcho(ECHO, true);
    }

    /** A WRITE and its echo. */
    public void echo() {
        memory.writeEcho(ECHO, notify);
    }
}
