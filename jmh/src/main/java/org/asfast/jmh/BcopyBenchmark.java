package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.workloads.Bcopy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Table 5: bcopy bandwidth, cached and uncached. The score is time per block; the harness turns it
 * into Mbytes/s with the block size, {@link Bcopy#blockBytes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BcopyBenchmark {
    @Param({"host"})
    public String platform;

    @Param({"CACHED", "UNCACHED"})
    public Bcopy.Case size;

    private Platform opened;
    private Bcopy bcopy;

    @Setup
    public void setUp() {
        opened = OnPlatform.open(platform);
        bcopy = new Bcopy(opened, size);
    }

    @Benchmark
    public void bcopy() {
        bcopy.copy();
    }

    @TearDown
    public void tearDown() {
        OnPlatform.close(bcopy, opened);
    }

}
