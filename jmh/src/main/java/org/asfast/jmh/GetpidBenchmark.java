package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.Getpid;
import org.openjdk.jmh.annotations.Benchmark;

/** Table 2: time per getpid kernel call. */
public class GetpidBenchmark extends OnPlatform<Getpid> {

    @Override
    protected Getpid create(Platform platform) {
        return new Getpid(platform);
    }

    @Benchmark
    public long getpid(VirtualTime time) {
        time.operations++;
        return workload.call();
    }
}
