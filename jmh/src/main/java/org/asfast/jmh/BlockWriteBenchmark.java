package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.workloads.thekkath.BlockWriteThroughput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Thekkath et al. Table 2's Throughput: 4 Kbyte block WRITEs back to back; the bytes they move per operation over its time. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockWriteBenchmark extends OnPlatform<BlockWriteThroughput> {
    @Override
    protected BlockWriteThroughput create(Platform platform) {
        return new BlockWriteThroughput(platform);
    }

    @Benchmark
    public void writeBlocks(VirtualTime time) {
        time.operations++;
        time.bytes += workload.writeBlocks();
    }
}
