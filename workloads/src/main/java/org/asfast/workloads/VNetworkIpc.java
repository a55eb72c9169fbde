package org.asfast.workloads;

import org.asfast.spi.Ipc;
import org.asfast.spi.Platform;

/**
 * Cheriton 1988, Table I and the text beside it: "the elapsed time for the Send operation and the
 * corresponding data transfer rate with various amounts of segment data ... the elapsed time to send a
 * 32-byte request and receive a 32-byte response with a segment of data of the size specified", measured
 * with the server idle and insignificant processing between its Receive and its Reply. "Local IPC
 * performance is considerably faster": the same transaction with the server process on the client's host.
 */
public final class VNetworkIpc implements Workload {
    private final Ipc ipc;
    private final Ipc.Server server;
    private final int segmentBytes;

    /** A server on this host ({@link Ipc.Where#LOCAL}) or across the network, replying with {@code segmentKbytes} of data. */
    public VNetworkIpc(Platform platform, Ipc.Where where, int segmentKbytes) {
        ipc = platform.require(Ipc.class);
        server = ipc.server(where);
        segmentBytes = segmentKbytes * 1024;
    }

    /** One message transaction; returns the segment bytes received. */
    public int transaction() {
        int received = ipc.send(server, Ipc.Transfer.REPLY_SEGMENT, segmentBytes);
        if (received != segmentBytes) {
            throw new IllegalStateException("the reply carried " + received + " bytes, not " + segmentBytes);
        }
        return received;
    }

    /** The data rate of one transaction taking {@code nanos}, in Mbit/s: the segment, or with none the 32-byte response, as Table I counts it. */
    public double megabitsPerSecond(double nanos) {
        return (segmentBytes == 0 ? 32 : segmentBytes) * 8 / nanos * 1e3;
    }
}
