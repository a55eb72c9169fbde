package org.asfast.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * asfast's own progress line among JMH's log: before each benchmark, "benchmark n of N", the time
 * elapsed and an estimate of the time left, over every JMH runner of the run. JMH's own output
 * passes through unchanged: this is the OutputFormat JMH reports each benchmark's start and end to.
 */
final class Progress implements OutputFormat {
    private final OutputFormat jmh;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    /** Timed benchmarks, and single-shot ones when counted apart (their forks last as many shots as they take, not as many iterations). */
    private final Kind timed;
    private final Kind singleShots;
    private final long startNanos;
    private Kind current;
    private long benchmarkStart;
    /** How long each benchmark's last fork took, by JMH's id of its benchmark and parameters. */
    private final Map<String, Long> lastForkNanos = new java.util.HashMap<>();

    /** Benchmarks of one kind: how many, the time one is expected to take until one of them has finished, and those done. */
    static final class Kind {
        private final int total;
        private final long estimateNanos;
        private int started;
        private int finished;
        private long finishedNanos;

        Kind(int total, long estimateNanos) {
            this.total = total;
            this.estimateNanos = estimateNanos;
        }

        /** Those not yet started, the one starting now included, at their own mean so far or the estimate. */
        private long leftNanos() {
            return Math.max(0, total - started) * (finished == 0 ? estimateNanos : finishedNanos / finished);
        }
    }

    /**
     * @param total how many benchmarks the run has ({@link #count})
     * @param estimateNanos how long one benchmark is expected to take until one has finished
     */
    Progress(PrintStream out, int total, long estimateNanos, LongSupplier nanoClock) {
        this(out, new Kind(total, estimateNanos), new Kind(0, 0), nanoClock);
    }

    /** With the single-shot benchmarks counted and estimated apart from the timed ones ({@code singleShots} none: all as one kind). */
    Progress(PrintStream out, Kind timed, Kind singleShots, LongSupplier nanoClock) {
        this.jmh = OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL);
        this.out = out;
        this.timed = timed;
        this.singleShots = singleShots;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /**
     * The number of benchmarks JMH will run for these include patterns: each matching benchmark
     * method once per combination of its parameters, with {@code platform} taking the given values.
     */
    static int count(List<String> includes, List<String> platforms) {
        int count = 0;
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT), includes, List.of())) {
            int combinations = 1;
            Map<String, String[]> params = entry.getParams().orElse(Map.of());
            for (Map.Entry<String, String[]> param : params.entrySet()) {
                combinations *= param.getKey().equals("platform") ? platforms.size() : param.getValue().length;
            }
            count += combinations;
        }
        return count;
    }

    /** A benchmark starts: prints the progress line. */
    void started(String benchmark, boolean singleShot) {
        long now = nanoClock.getAsLong();
        benchmarkStart = now;
        long left = timed.leftNanos() + singleShots.leftNanos();
        current = singleShot && singleShots.total > 0 ? singleShots : timed;
        current.started++;
        int started = timed.started + singleShots.started;
        int total = timed.total + singleShots.total;
        out.printf(Locale.ROOT, "asfast: benchmark %d of %d: %s; %s elapsed, about %s left%n", started, Math.max(total, started), benchmark,
                clock(now - startNanos), clock(left));
    }

    /** A benchmark ends: its time refines the estimate for its kind. */
    void finished() {
        current.finished++;
        current.finishedNanos += nanoClock.getAsLong() - benchmarkStart;
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(long nanos) {
        long seconds = Math.round(nanos / 1e9);
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static String name(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        StringBuilder label = new StringBuilder(shortName);
        if (!params.getParamsKeys().isEmpty()) {
            label.append(" (");
            String separator = "";
            for (String key : params.getParamsKeys()) {
                label.append(separator).append(key).append('=').append(params.getParam(key));
                separator = ", ";
            }
            label.append(')');
        }
        return label.toString();
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started(name(params), params.getMode() == Mode.SingleShotTime);
        jmh.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        if (result != null) { // JMH ends a benchmark after all its forks, warm-up forks included
            int forks = Math.max(1, result.getParams().getForks() + result.getParams().getWarmupForks());
            lastForkNanos.put(result.getParams().id(), (nanoClock.getAsLong() - benchmarkStart) / forks);
        }
        finished();
        jmh.endBenchmark(result);
    }

    /** How long one fork of the benchmark with these parameters took when it last ran (JMH's {@code BenchmarkParams.id()}), or 0 if it has not. */
    long lastForkNanos(String benchmarkId) {
        return lastForkNanos.getOrDefault(benchmarkId, 0L);
    }

    @Override
    public void iteration(BenchmarkParams benchmark, IterationParams params, int iteration) {
        jmh.iteration(benchmark, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchmark, IterationParams params, int iteration, IterationResult data) {
        jmh.iterationResult(benchmark, params, iteration, data);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        jmh.endRun(result);
    }

    @Override
    public void print(String s) {
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        jmh.println(s);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.flush(); // the stream is System.out, which a later runner still needs
    }

    @Override
    public void verbosePrintln(String s) {
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
