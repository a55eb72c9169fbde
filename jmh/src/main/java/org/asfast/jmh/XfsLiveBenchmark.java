package org.asfast.jmh;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.spi.UserError;
import org.asfast.xfs.XfsLive;
import org.asfast.xfs.XfsLivePlatform;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * xFS live ({@code xfs-live}): the manager, two storage servers and a client that wrote some blocks (and so caches
 * them) run in JVMs of their own; the reading client runs in this one, driven by the benchmark's thread.
 * <ul>
 *   <li>{@code roundTrip}: a user-to-user round trip between the reading client's loop and the peer's, §6.2's 20 us;</li>
 *   <li>{@code peerRead}: a read miss of one 8 KB block served from the peer's memory (reader, manager, peer, which
 *       answers the reader directly), followed by the reader's eviction so that the next read misses again;</li>
 *   <li>{@code storageRead}: a read miss of a block no client caches, served by the storage servers from their files
 *       (the reader wrote it and dropped its copy at set-up; the live "disk" is a file, so mostly the page cache),
 *       evicted again after each read. No paper cell: §6.2 prints no read costs, so no registry row runs it; its
 *       line beside peerRead's gives the comparison the issue asks for.</li>
 * </ul>
 * JMH's sample mode gives the mean and its percentiles; each timed round trip or read (the eviction left out) also
 * goes into an HdrHistogram, printed at the end of the trial as one line ({@code live-xfs ... p50_ns= p99_ns=}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class XfsLiveBenchmark {
    @Param({"xfs-live"})
    public String platform;

    private Platform opened;
    private XfsLive xfs;
    private long block;
    private final TrialLatencies latencies = new TrialLatencies();
    private String measured = "";

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        measured = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        opened = OnPlatform.open(platform);
        if (!(opened instanceof XfsLivePlatform live)) {
            opened.close();
            throw new UserError("XfsLiveBenchmark runs on xfs-live, not " + platform);
        }
        xfs = live.xfs();
        if (measured.equals("storageRead")) {
            live.storeOnly();
        }
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        latencies.iteration(params);
    }

    @Benchmark
    public long roundTrip() {
        long t0 = System.nanoTime();
        xfs.ping(XfsLive.PEER);
        return latencies.since(t0);
    }

    @Benchmark
    public long peerRead() {
        block = (block + 1) % XfsLivePlatform.BLOCKS;
        long t0 = System.nanoTime();
        xfs.read(block);
        long elapsed = latencies.since(t0);
        xfs.evict(block);
        return elapsed;
    }

    @Benchmark
    public long storageRead() {
        long t0 = System.nanoTime();
        xfs.read(XfsLivePlatform.STORED);
        long elapsed = latencies.since(t0);
        xfs.evict(XfsLivePlatform.STORED);
        return elapsed;
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (latencies.count() > 0) {
                long[] reads = xfs.readerCounts();
                System.out.printf(Locale.ROOT, "%nlive-xfs %s samples=%d reads_from_peer=%d reads_from_disk=%d mean_ns=%.0f %s%n",
                        measured, latencies.count(), reads[1], reads[2], latencies.meanNanos(), latencies.percentiles());
            }
        } finally {
            opened.close();
        }
    }
}
