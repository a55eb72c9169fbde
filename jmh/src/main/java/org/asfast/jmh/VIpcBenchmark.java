package org.asfast.jmh;

import org.asfast.spi.Ipc;
import org.asfast.spi.Platform;
import org.asfast.workloads.VNetworkIpc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Cheriton Table I (remote) and the text's local figures: one Send-Receive-Reply whose reply carries a
 * segment of 0 to 16 KB. The data rate is the segment over the time per operation.
 */
public class VIpcBenchmark extends OnPlatform<VNetworkIpc> {
    @Param({"REMOTE", "LOCAL"})
    public Ipc.Where where;

    @Param({"0", "1", "4", "8", "12", "16"})
    public int kbytes;

    @Override
    protected VNetworkIpc create(Platform platform) {
        return new VNetworkIpc(platform, where, kbytes);
    }

    @Benchmark
    public int transaction(VirtualTime time) {
        time.operations++;
        return workload.transaction();
    }
}
