package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.Bcopy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Table 5: bcopy bandwidth, cached and uncached. The score is time per block; the harness turns it
 * into Mbytes/s with the block size, {@link Bcopy#blockBytes}.
 */
public class BcopyBenchmark extends OnPlatform<Bcopy> {
    @Param({"CACHED", "UNCACHED"})
    public Bcopy.Case size;

    @Override
    protected Bcopy create(Platform platform) {
        return new Bcopy(platform, size);
    }

    @Benchmark
    public void bcopy(VirtualTime time) {
        time.operations++;
        workload.copy();
    }
}
