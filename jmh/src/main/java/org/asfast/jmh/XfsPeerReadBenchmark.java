package org.asfast.jmh;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.asfast.xfs.XfsLive;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * xFS live: a read miss of one 8 KB block served from a peer's memory. The manager, two storage servers and a client
 * that wrote the blocks (and so caches them) run in JVMs of their own; the reading client runs in this one, driven by
 * the benchmark's thread. Each read goes reader, manager, peer (which answers the reader directly), reader, and is
 * followed, untimed by the histogram, by the reader's eviction, so that the next read misses again.
 *
 * <p>JMH's sample mode gives the mean and its percentiles (of read and eviction together); the reads alone go into an
 * HdrHistogram, printed at the end of the trial as one line ({@code live-xfs-peer-read ... p50_ns= p99_ns= p999_ns=}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class XfsPeerReadBenchmark {
    private static final int BLOCKS = 4;
    private XfsLive xfs;
    private long block;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private boolean measuring;

    @Setup(Level.Trial)
    public void start() {
        xfs = new XfsLive("", BLOCKS + 1);
        xfs.awaitWritten(BLOCKS + 1);
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public int peerRead() {
        block = (block + 1) % BLOCKS;
        long t0 = System.nanoTime();
        byte[] data = xfs.read(block);
        long elapsed = System.nanoTime() - t0;
        if (measuring) {
            histogram.recordValue(Math.min(elapsed, histogram.getHighestTrackableValue()));
        }
        xfs.evict(block);
        return data.length;
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            long[] counts = xfs.readerCounts();
            if (histogram.getTotalCount() > 0) {
                System.out.printf(Locale.ROOT, "%nlive-xfs-peer-read reads=%d from_peer=%d from_disk=%d mean_ns=%.0f p50_ns=%d p99_ns=%d p999_ns=%d%n",
                        histogram.getTotalCount(), counts[1], counts[2], histogram.getMean(), histogram.getValueAtPercentile(50),
                        histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9));
            }
        } finally {
            xfs.close();
        }
    }
}
