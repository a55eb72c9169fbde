package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.workloads.OpenClose;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Table 9: an open-close pair on "foo" and on "a/b/c/foo". */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OpenCloseBenchmark {
    @Param({"host"})
    public String platform;

    @Param({"FOO", "A_B_C_FOO"})
    public OpenClose.Case path;

    private Platform opened;
    private OpenClose openClose;

    @Setup
    public void setUp() {
        opened = OnPlatform.open(platform);
        openClose = new OpenClose(opened, path);
    }

    @Benchmark
    public void openClose() {
        openClose.openClose();
    }

    @TearDown
    public void tearDown() {
        OnPlatform.close(openClose, opened);
    }
}
