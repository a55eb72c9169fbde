package org.asfast.workloads.douglis;

import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. Table 1, communication latency: "Measurements were taken for transfer units of 0 bytes, 16 Kbytes
 * (the largest transfer permitted for kernel-to-kernel RPC in Sprite), and 30000 bytes (the largest transfer
 * permitted during a single RPC in Amoeba)", kernel to kernel (a) and between user processes (b), on two machines.
 * One call carries the transfer unit to the server, which answers with nothing.
 */
public final class RpcLatency implements Workload {
    private final Rpc.Client client;
    private final int bytes;

    public RpcLatency(Platform platform, Rpc.Level level, int bytes) {
        client = platform.require(Rpc.class).connect(level);
        if (bytes > client.maxBytes()) {
            client.close();
            throw new IllegalArgumentException(platform.name() + " carries at most " + client.maxBytes() + " bytes in one " + level + " call, not " + bytes);
        }
        this.bytes = bytes;
    }

    /** One call of the transfer unit. */
    public void call() {
        client.call(bytes, 0);
    }

    /** Packets the system sent again so far (none without faults). */
    public long retransmissions() {
        return client.retransmissions();
    }

    @Override
    public void close() {
        client.close();
    }
}
