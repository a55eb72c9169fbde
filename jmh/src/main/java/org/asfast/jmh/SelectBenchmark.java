package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.workloads.SelectPipes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Table 4: one select call with a zero timeout on 1 empty, 10 empty and 10 full pipes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectBenchmark {
    @Param({"host"})
    public String platform;

    @Param({"ONE_EMPTY", "TEN_EMPTY", "TEN_FULL"})
    public SelectPipes.Case pipes;

    private Platform opened;
    private SelectPipes select;

    @Setup
    public void setUp() {
        opened = OnPlatform.open(platform);
        select = new SelectPipes(opened, pipes);
        if (select.call() != select.expectedReadable()) {
            throw new IllegalStateException("select found the wrong number of readable pipes");
        }
    }

    @Benchmark
    public int select() {
        return select.call();
    }

    @TearDown
    public void tearDown() {
        OnPlatform.close(select, opened);
    }
}
