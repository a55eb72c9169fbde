package org.asfast.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.asfast.report.Settling;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Which JMH results have not settled, and pooling a repeated fork's iterations with the earlier ones. */
final class Repetition {
    private Repetition() {
    }

    /** A result's mean and 99.9% interval, and whether it is a single-shot figure (Andrew), whose fork costs many times a timed one's. */
    record Summary(double score, double low, double high, boolean singleShot) {
        Summary(double score, double low, double high) {
            this(score, low, high, false);
        }

        double relativeHalfWidth() {
            return Settling.relativeHalfWidth(score, low, high);
        }
    }

    static Summary summary(RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        double[] interval = primary.getScoreConfidence();
        return new Summary(primary.getScore(), interval[0], interval[1],
                result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime);
    }

    /**
     * The indexes of the unsettled results: the timed figures before the single-shot ones, and in each the least settled first.
     * A repeated Andrew fork takes 15-20 s of the quick profile's 45, as long as five or six timed ones, so it goes last: in a
     * quiet run that repeated Andrew's two figures first, open-close foo (±5.3%) was left with no time.
     */
    static List<Integer> unsettled(List<Summary> summaries) {
        return IntStream.range(0, summaries.size()).boxed()
                .filter(i -> !Settling.settled(summaries.get(i).score(), summaries.get(i).low(), summaries.get(i).high()))
                .sorted(Comparator.comparing((Integer i) -> summaries.get(i).singleShot())
                        .thenComparing(Comparator.comparingDouble((Integer i) -> summaries.get(i).relativeHalfWidth()).reversed()))
                .toList();
    }

    /**
     * The least time between the end of a figure's fork and the start of its next, so that its forks sample the machine at
     * different times: the host moves some figures in spells (the cross-CPU round trip: 42 µs, then spells at 55-61 µs;
     * README, "Table 3's cross-CPU row"), and a figure that alone is left unsettled would otherwise get its repeats back to
     * back. In CI's quick job of 9576363 its forks 3, 4 and 5 ran within 8 s, all three in one spell, and pooled to ±6.3%.
     */
    static final long SPACING_NANOS = 10_000_000_000L;

    /** How long to wait before a figure's next fork, given when its last one ended. */
    static long waitBeforeNextFork(long lastForkEndedNanos, long nowNanos) {
        return Math.max(0, lastForkEndedNanos + SPACING_NANOS - nowNanos);
    }

    /**
     * A round's figures in the order to measure them: first those that need no wait, in the given order (least settled
     * first), then the others, the soonest ready first, so that no fork waits while another could run.
     */
    static List<Integer> readyFirst(List<Integer> unsettled, long[] lastForkEndedNanos, long nowNanos) {
        return unsettled.stream()
                .sorted(Comparator.comparingLong((Integer i) -> waitBeforeNextFork(lastForkEndedNanos[i], nowNanos) == 0 ? Long.MIN_VALUE : lastForkEndedNanos[i]))
                .toList();
    }

    /** What the repeat rounds act on: the run gives JMH and the real clock; a test, figures and a clock of its own. */
    interface Forks<R> {
        long nanoTime();

        /** Waits {@code nanos} (the spacing of a figure's forks). */
        void pause(long nanos);

        /** The figure with one more fork's iterations pooled in. */
        R oneMore(R figure);

        Summary summary(R figure);

        /** How long the figure's last fork took (0: not known), the guess for its next. */
        long lastForkNanos(R figure);

        /** The figure's name in messages: its benchmark and parameters. */
        String name(R figure);

        void say(String line);
    }

    /**
     * Gives each figure whose 99.9% interval is still wider than ±5% another fork, in the order of {@link #unsettled}
     * (timed figures first, then Andrew's; least settled first in each), until every figure has settled, has had
     * {@code maxForks}, or {@code repeatNanos} are spent. A figure's next fork starts {@link #SPACING_NANOS} after its last
     * ended, figures that need no wait going first; when the wait would end the fork after the time, it is cut short,
     * since a fork close to the last is worth more than none. A fork that would end after the time, judged by the length of
     * the figure's last fork, is not started (others, shorter, may be): an Andrew fork of 38 s, started 27 s before the
     * end of the quick profile's 45, overran them by 11 s in a quick run on a 2-vCPU AMD EPYC VM here.
     *
     * @param lastForkEnded when each figure's last fork ended; updated as forks run
     * @param forks how many forks each figure has had (the profile's)
     */
    static <R> List<R> repeatUnsettled(List<R> figures, long[] lastForkEnded, int forks, int maxForks, long repeatNanos, Forks<R> world) {
        List<R> results = new ArrayList<>(figures);
        long deadline = world.nanoTime() + repeatNanos;
        java.util.Set<Integer> tooLong = new java.util.HashSet<>(); // their forks no longer fit: time only runs on
        for (int round = forks; round < maxForks; round++) {
            List<Integer> unsettled = unsettled(results.stream().map(world::summary).toList());
            for (int index : readyFirst(unsettled, lastForkEnded, world.nanoTime())) {
                if (world.nanoTime() > deadline) {
                    world.say("asfast: no time left to repeat the figures that have not settled; the report marks them");
                    return results;
                }
                if (tooLong.contains(index)) {
                    continue;
                }
                R first = results.get(index);
                long forkNanos = world.lastForkNanos(first);
                if (world.nanoTime() + forkNanos > deadline) {
                    tooLong.add(index);
                    world.say(String.format(Locale.ROOT, "asfast: %s has not settled (±%.1f%%), and its fork (%.0f s last time) would end after the time for repeats: the report marks it",
                            world.name(first), 100 * world.summary(first).relativeHalfWidth(), forkNanos / 1e9));
                    continue;
                }
                long wait = waitBeforeNextFork(lastForkEnded[index], world.nanoTime());
                String when = "";
                if (wait > 0 && world.nanoTime() + wait + forkNanos > deadline) {
                    wait = Math.max(0, deadline - world.nanoTime() - forkNanos);
                    when = String.format(Locale.ROOT, ", %s: the %d s a figure's forks are kept apart would end it after the time for repeats",
                            wait == 0 ? "at once" : String.format(Locale.ROOT, "after a wait of only %.1f s", wait / 1e9), SPACING_NANOS / 1_000_000_000L);
                } else if (wait > 0) {
                    when = String.format(Locale.ROOT, " after a wait of %.1f s (a figure's forks start %d s apart, to sample the machine at different times)",
                            wait / 1e9, SPACING_NANOS / 1_000_000_000L);
                }
                world.say(String.format(Locale.ROOT, "asfast: %s has not settled (±%.1f%%); measuring it in one more fork%s", world.name(first),
                        100 * world.summary(first).relativeHalfWidth(), when));
                world.pause(wait);
                results.set(index, world.oneMore(first));
                lastForkEnded[index] = world.nanoTime();
            }
        }
        return results;
    }

    /** One result with the forks of both: JMH then computes its mean and interval over all their iterations. */
    static RunResult pooled(RunResult first, RunResult more) {
        List<BenchmarkResult> forks = new ArrayList<>(first.getBenchmarkResults());
        forks.addAll(more.getBenchmarkResults());
        return new RunResult(first.getParams(), forks);
    }

    /** "(pipes=TEN_EMPTY)" or "" for the messages. */
    static String paramsOf(RunResult result) {
        List<String> pairs = new ArrayList<>();
        for (String key : result.getParams().getParamsKeys()) {
            pairs.add(key + "=" + result.getParams().getParam(key));
        }
        return pairs.isEmpty() ? "" : "(" + String.join(", ", pairs) + ")";
    }
}
