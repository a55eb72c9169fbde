package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.workloads.douglis.GetTimeOfDay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Douglis et al. §3.4: one gettimeofday from a process at home, or from one that migrated to another host and has
 * the call forwarded home. Sampled call by call, so a live platform's run gives the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimeOfDayBenchmark extends OnPlatform<GetTimeOfDay> {
    @Param({"false", "true"})
    public boolean migrated;

    @Override
    protected GetTimeOfDay create(Platform platform) {
        return new GetTimeOfDay(platform, migrated);
    }

    @Benchmark
    public long gettimeofday(VirtualTime time) {
        time.operations++;
        return workload.call();
    }
}
