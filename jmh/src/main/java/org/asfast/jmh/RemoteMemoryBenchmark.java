package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.workloads.thekkath.RemoteMemoryLatency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Thekkath et al. Table 2's latencies: one single-cell READ, WRITE or CAS on a segment another machine exported.
 * Sampled operation by operation, so a live platform's run gives the latency's percentiles (p50, p99, p99.9).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RemoteMemoryBenchmark extends OnPlatform<RemoteMemoryLatency> {
    @Param({"READ", "WRITE", "CAS"})
    public RemoteMemoryLatency.Operation operation;

    @Override
    protected RemoteMemoryLatency create(Platform platform) {
        return new RemoteMemoryLatency(platform, operation);
    }

    @Benchmark
    public void operate(VirtualTime time) {
        time.operations++;
        workload.operate();
    }
}
