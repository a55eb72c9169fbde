package org.asfast.xfs;

import java.util.function.Consumer;
import org.asfast.nodes.NodeContext;

/** A client of a file service, as the scaling workload uses it: whole-block reads and writes, on the client's loop. */
interface FileClient {
    void read(long block, int bytes, Consumer<byte[]> done);

    void write(long block, byte[] data, Runnable done);

    /** The client node's context (its clock, timers and random stream). */
    NodeContext context();
}
