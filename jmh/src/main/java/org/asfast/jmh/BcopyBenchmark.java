package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.Bcopy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Table 5: bcopy bandwidth, cached and uncached. The score is time per block; with the bytes each block
 * moves ({@link Bcopy#blockBytes}), counted in {@link VirtualTime}, the harness makes it Mbytes/s.
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
        time.bytes += workload.bytesPerCopy();
        workload.copy();
    }
}
