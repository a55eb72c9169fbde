package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.workloads.Getpid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Table 2: time per getpid kernel call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GetpidBenchmark {
    @Param({"host"})
    public String platform;

    private Platform opened;
    private Getpid getpid;

    @Setup
    public void setUp() {
        opened = OnPlatform.open(platform);
        getpid = new Getpid(opened);
    }

    @Benchmark
    public long getpid() {
        return getpid.call();
    }

    @TearDown
    public void tearDown() {
        OnPlatform.close(getpid, opened);
    }
}
