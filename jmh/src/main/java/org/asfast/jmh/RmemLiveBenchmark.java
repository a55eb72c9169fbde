package org.asfast.jmh;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.asfast.rmem.LiveMachines;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.rmem.RmemLive;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Thekkath et al.'s Table 2 operations live on this computer: the name server and the server machine in JVMs of
 * their own ({@link RmemLive}), the client machine in this one, driven by the benchmark's thread. One cell each, as
 * the paper's latencies: a READ of 40 bytes (one cell each way), a WRITE of 40 bytes, a CAS. The paper's write is
 * not acknowledged; here the server's kernel acknowledges it so that it can be timed, so WRITE is a round trip.
 *
 * <p>JMH's sample mode gives the mean and its percentiles; each measured operation also goes into an HdrHistogram,
 * printed at the end of the trial as one line ({@code rmem-live op= ... p50_ns= p99_ns= p999_ns=}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RmemLiveBenchmark {
    @Param({"read", "write", "cas"})
    public String op;

    private RmemLive live;
    private Descriptor bench;
    private final byte[] cell = new byte[40];
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private boolean measuring;
    private int value;

    @Setup(Level.Trial)
    public void start() {
        live = new RmemLive("");
        bench = live.importSegment(LiveMachines.BENCH);
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public int operation() {
        long t0 = System.nanoTime();
        int result = switch (op) {
            case "read" -> live.read(bench, 0, cell.length).length;
            case "write" -> {
                live.write(bench, 0, cell);
                yield cell.length;
            }
            case "cas" -> {
                int[] r = live.cas(bench, 64, value, value + 1);
                value = r[0] == 1 ? value + 1 : r[1];
                yield r[0];
            }
            default -> throw new IllegalArgumentException("op is read, write or cas, not " + op);
        };
        if (measuring) {
            histogram.recordValue(Math.min(System.nanoTime() - t0, histogram.getHighestTrackableValue()));
        }
        return result;
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (histogram.getTotalCount() > 0) {
                System.out.printf(Locale.ROOT, "%nrmem-live op=%s count=%d mean_ns=%.0f p50_ns=%d p99_ns=%d p999_ns=%d%n", op, histogram.getTotalCount(),
                        histogram.getMean(), histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9));
            }
        } finally {
            live.close();
        }
    }
}
