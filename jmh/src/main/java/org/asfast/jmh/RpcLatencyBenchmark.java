package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.workloads.douglis.RpcLatency;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Douglis et al. Table 1: one call of 0, 16384 or 30000 bytes, kernel to kernel (a) or user to user (b). Sampled
 * call by call, so a live platform's run gives the latency's percentiles (p50, p99, p99.9); a simulated one's
 * virtual time per call is the secondary result. A size one call cannot carry at that level is refused at set-up.
 * The packets the system sent again are the secondary result "retransmissions" (none without faults).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RpcLatencyBenchmark extends OnPlatform<RpcLatency> {
    @Param({"KERNEL", "USER"})
    public Rpc.Level level;

    @Param({"0", "16384", "30000"})
    public int bytes;

    @Override
    protected RpcLatency create(Platform platform) {
        return new RpcLatency(platform, level, bytes);
    }

    /** The packets the system sent again during each iteration, so that a run under faults counts them. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retransmissions {
        public long retransmissions;

        @Setup(org.openjdk.jmh.annotations.Level.Iteration)
        public void startIteration() {
            retransmissions = 0;
        }
    }

    @Benchmark
    public void call(VirtualTime time, Retransmissions sent) {
        time.operations++;
        long before = workload.retransmissions();
        workload.call();
        sent.retransmissions += workload.retransmissions() - before;
    }
}
