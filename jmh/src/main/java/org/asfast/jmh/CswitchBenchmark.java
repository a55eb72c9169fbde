package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.spi.Processes.Placement;
import org.asfast.workloads.Cswitch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Table 3: one-byte round trip between two processes over two pipes, on one CPU and across CPUs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CswitchBenchmark {
    @Param({"host"})
    public String platform;

    @Param({"SAME_CPU", "ANY"})
    public Placement placement;

    private Platform opened;
    private Cswitch cswitch;

    @Setup
    public void setUp() {
        opened = OnPlatform.open(platform);
        cswitch = new Cswitch(opened, placement);
    }

    @Benchmark
    public int roundTrip() {
        return cswitch.roundTrip();
    }

    @TearDown
    public void tearDown() {
        OnPlatform.close(cswitch, opened);
    }
}
