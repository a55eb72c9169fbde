package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.workloads.ReadFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Table 6: one 16 KB read from a file in the page cache; the harness turns time per block into Mbytes/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReadBenchmark {
    @Param({"host"})
    public String platform;

    private Platform opened;
    private ReadFile read;

    @Setup
    public void setUp() {
        opened = OnPlatform.open(platform);
        read = new ReadFile(opened);
    }

    @Benchmark
    public long read() {
        return read.readBlock();
    }

    @TearDown
    public void tearDown() {
        OnPlatform.close(read, opened);
    }
}
