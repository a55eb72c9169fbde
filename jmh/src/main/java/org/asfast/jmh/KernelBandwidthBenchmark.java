package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.douglis.KernelBandwidth;
import org.openjdk.jmh.annotations.Benchmark;

/** Douglis et al. §3.2: the largest kernel-to-kernel call, back to back; bandwidth is its bytes over the time per call. */
public class KernelBandwidthBenchmark extends OnPlatform<KernelBandwidth> {

    @Override
    protected KernelBandwidth create(Platform platform) {
        return new KernelBandwidth(platform);
    }

    @Benchmark
    public int call(VirtualTime time) {
        time.operations++;
        time.bytes += workload.bytes();
        workload.call();
        return workload.bytes();
    }
}
