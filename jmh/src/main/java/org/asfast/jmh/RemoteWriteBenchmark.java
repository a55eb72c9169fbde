package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.workloads.thekkath.RemoteWriteLatency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Thekkath et al. Table 2's Write latency, one way: a single-cell WRITE and the other machine's WRITE back, timed
 * together and counted as two WRITEs, so the score is one WRITE's issue-to-arrival time. With {@code notify} both
 * carry the notification bit: the score less the plain WRITE's is the notification overhead. Sampled call by call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(RemoteWriteLatency.WRITES_PER_OPERATION)
public class RemoteWriteBenchmark extends OnPlatform<RemoteWriteLatency> {
    @Param({"false", "true"})
    public boolean notify;

    @Override
    protected RemoteWriteLatency create(Platform platform) {
        return new RemoteWriteLatency(platform, notify);
    }

    @Benchmark
    public void write(VirtualTime time) {
        time.operations += RemoteWriteLatency.WRITES_PER_OPERATION;
        workload.echo();
    }
}
