package org.asfast.jmh;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A live benchmark's operation times in its measured iterations, kept in an HdrHistogram (up to 10 s, three digits) for
 * the one line the benchmark prints at the end of its trial.
 */
final class TrialLatencies {
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private boolean measuring;

    /** Called at each iteration's set-up: only measured iterations are recorded. */
    void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    /** The nanoseconds since {@code t0}, recorded if this is a measured iteration. */
    long since(long t0) {
        long elapsed = System.nanoTime() - t0;
        if (measuring) {
            histogram.recordValue(Math.min(elapsed, histogram.getHighestTrackableValue()));
        }
        return elapsed;
    }

    long count() {
        return histogram.getTotalCount();
    }

    double meanNanos() {
        return histogram.getMean();
    }

    /** {@code p50_ns=.. p99_ns=.. p999_ns=..}, as the summary lines print them (tools/live/floor.sh reads them). */
    String percentiles() {
        return String.format(Locale.ROOT, "p50_ns=%d p99_ns=%d p999_ns=%d", histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9));
    }
}
