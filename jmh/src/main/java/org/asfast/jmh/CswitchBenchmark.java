package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.spi.Processes.Placement;
import org.asfast.workloads.Cswitch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Table 3: one-byte round trip between two processes over two pipes, both on one CPU, and (a row the paper lacks) pinned to two. */
public class CswitchBenchmark extends OnPlatform<Cswitch> {
    @Param({"SAME_CPU", "CROSS_CPU"})
    public Placement placement;

    @Override
    protected Cswitch create(Platform platform) {
        return new Cswitch(platform, placement);
    }

    @Benchmark
    public int roundTrip(VirtualTime time) {
        time.operations++;
        return workload.roundTrip();
    }
}
