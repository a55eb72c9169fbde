package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.workloads.CreateDelete;
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
 * Table 10: create, write, close, reopen, read, close and delete a temporary file of 0, 10 and 100 KB.
 * On ext4 the rate depends on how many inodes were freed recently, so warm-up matters and the
 * spread across forks is part of the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CreateDeleteBenchmark {
    @Param({"host"})
    public String platform;

    @Param({"NO_DATA", "TEN_KB", "HUNDRED_KB"})
    public CreateDelete.Case data;

    private Platform opened;
    private CreateDelete createDelete;

    @Setup
    public void setUp() {
        opened = OnPlatform.open(platform);
        createDelete = new CreateDelete(opened, data);
    }

    @Benchmark
    public long createDelete() {
        return createDelete.iteration();
    }

    @TearDown
    public void tearDown() {
        OnPlatform.close(createDelete, opened);
    }
}
