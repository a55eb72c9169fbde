package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.spi.RemoteExecution;
import org.asfast.workloads.douglis.Fork;
import org.asfast.workloads.douglis.ProgramInvocation;
import org.asfast.workloads.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Douglis et al. Tables 3 and 4: a UNIX-like fork, and a small program invoked locally, on a named host and on one the
 * system finds. Sampled call by call, so a live platform's run gives the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessesBenchmark extends OnPlatform<ProcessesBenchmark.Both> {
    @Param({"LOCAL", "REMOTE_SPECIFIED", "REMOTE_UNSPECIFIED"})
    public RemoteExecution.Site site;

    /** Both of the tables' workloads on one platform. */
    public record Both(Fork fork, ProgramInvocation invocation) implements Workload {
    }

    @Override
    protected Both create(Platform platform) {
        return new Both(new Fork(platform), new ProgramInvocation(platform, site));
    }

    @Benchmark
    public void fork(VirtualTime time) {
        time.operations++;
        workload.fork().forkAndWait();
    }

    @Benchmark
    public void invoke(VirtualTime time) {
        time.operations++;
        workload.invocation().invoke();
    }
}
