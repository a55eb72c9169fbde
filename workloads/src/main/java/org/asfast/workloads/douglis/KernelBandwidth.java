package org.asfast.workloads.douglis;

import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. §3.2, the maximum kernel-to-kernel bandwidth: "820 Kbytes/sec in Sprite compared to 814 Kbytes/sec
 * in Amoeba". Each call carries the largest unit one kernel RPC permits; the bandwidth is {@link #bytes()} over
 * the time per call.
 */
public final class KernelBandwidth implements Workload {
    private final Rpc.Client client;

    public KernelBandwidth(Platform platform) {
        client = platform.require(Rpc.class).connect(Rpc.Level.KERNEL);
    }

    /** One call of the largest unit. */
    public void call() {
        client.call(client.maxBytes(), 0);
    }

    /** Bytes each call moves. */
    public int bytes() {
        return client.maxBytes();
    }

    @Override
    public void close() {
        client.close();
    }
}
