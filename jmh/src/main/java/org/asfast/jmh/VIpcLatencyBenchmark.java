package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Ipc;
import org.asfast.spi.Platform;
import org.asfast.workloads.VNetworkIpc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Cheriton Table I's transaction on a live platform ({@code -p platform=v-live}), sampled one call at a time so
 * that JMH reports the latency's percentiles (p50, p99, p99.9) besides its mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VIpcLatencyBenchmark extends OnPlatform<VNetworkIpc> {
    @Param({"REMOTE", "LOCAL"})
    public Ipc.Where where;

    @Param({"0", "16"})
    public int kbytes;

    @Override
    protected VNetworkIpc create(Platform platform) {
        return new VNetworkIpc(platform, where, kbytes);
    }

    @Benchmark
    public int transaction() {
        return workload.transaction();
    }
}
