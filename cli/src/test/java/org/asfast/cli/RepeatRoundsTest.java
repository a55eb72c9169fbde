package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The rounds that repeat unsettled figures, on a clock of the test's own: which figure gets a fork when, how long each
 * waits for its spacing, and where the time for repeats ends them. A fork takes 3 s here.
 */
class RepeatRoundsTest {
    private static final long S = 1_000_000_000L;
    private static final long FORK = 3 * S;
    /** A single-shot Andrew fork, as long as a dozen timed ones. */
    private static final long ANDREW_FORK = 38 * S;

    /** A figure whose interval's half-width after its n-th fork is {@code widths[n - 1]} (the last holds after). */
    record Figure(String name, int forks, double... widths) {
        double width() {
            return widths[Math.min(forks, widths.length) - 1];
        }
    }

    /** The run's side: a clock that moves only by pauses and forks, and a log of what happened. */
    static final class FakeForks implements Repetition.Forks<Figure> {
        long now;
        final List<String> events = new ArrayList<>();

        FakeForks(long now) {
            this.now = now;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void pause(long nanos) {
            if (nanos > 0) {
                events.add("wait " + nanos / S + " s");
            }
            now += nanos;
        }

        @Override
        public Figure oneMore(Figure figure) {
            events.add("fork " + figure.name() + " at " + now / S + " s");
            now += lastForkNanos(figure);
            return new Figure(figure.name(), figure.forks() + 1, figure.widths());
        }

        @Override
        public Repetition.Summary summary(Figure figure) {
            return new Repetition.Summary(100, 100 * (1 - figure.width()), 100 * (1 + figure.width()), figure.name().startsWith("andrew"));
        }

        @Override
        public long lastForkNanos(Figure figure) {
            return figure.name().startsWith("andrew") ? ANDREW_FORK : FORK;
        }

        @Override
        public String name(Figure figure) {
            return figure.name();
        }

        @Override
        public void say(String line) {
            if (line.contains("no time left")) {
                events.add("no time left at " + now / S + " s");
            } else if (line.contains("would end after")) {
                events.add("no room for " + line.substring("asfast: ".length(), line.indexOf(' ', "asfast: ".length())) + " at " + now / S + " s");
            }
        }
    }

    private static final Figure SETTLES_WITH_ONE_MORE = new Figure("a", 1, 0.10, 0.04);
    private static final Figure SETTLED = new Figure("b", 1, 0.03);
    private static final Figure NEVER_SETTLES = new Figure("c", 1, 0.08);

    @Test
    void eachRoundForksTheUnsettledFiguresReadyFirstAndKeepsAFiguresForksTenSecondsApart() {
        FakeForks run = new FakeForks(10 * S);
        long[] lastForkEnded = {0, 0, 8 * S}; // at 10 s: a is ready, c has 8 s to wait
        List<Figure> after = Repetition.repeatUnsettled(List.of(SETTLES_WITH_ONE_MORE, SETTLED, NEVER_SETTLES), lastForkEnded, 1, 3, 45 * S, run);
        assertEquals(List.of(
                "fork a at 10 s",                 // round 1: a first (least settled, and ready)
                "wait 5 s", "fork c at 18 s",     // c's last ended at 8 s: 10 s later
                "wait 10 s", "fork c at 31 s"),   // round 2: a settled; c waits for its own last fork (ended 21 s)
                run.events);
        assertEquals(List.of(2, 1, 3), after.stream().map(Figure::forks).toList(), "a settled after one more fork, b never repeated, c up to the most forks");
        assertEquals(34 * S, lastForkEnded[2]);
    }

    @Test
    void whenTheTimeLeftIsShorterThanTheWaitTheForkRunsAtOnceAndNoForkRunsPastTheTime() {
        FakeForks run = new FakeForks(10 * S);
        long[] lastForkEnded = {0, 0, 8 * S};
        Repetition.repeatUnsettled(List.of(SETTLES_WITH_ONE_MORE, SETTLED, NEVER_SETTLES), lastForkEnded, 1, 5, 6 * S, run);
        assertEquals(List.of(
                "fork a at 10 s",
                "fork c at 13 s",                 // its wait (5 s) and fork would end past the deadline (16 s): at once, ending at it
                "no room for c at 16 s"),         // another would end at 19 s: none, though c may have two more forks
                run.events);
    }

    @Test
    void aLongForkThatWouldEndPastTheTimeIsLeftOutAndShorterOnesStillRun() {
        FakeForks run = new FakeForks(100 * S);
        Figure andrew = new Figure("andrew", 1, 0.11); // single-shot: goes last
        List<Figure> after = Repetition.repeatUnsettled(List.of(andrew, NEVER_SETTLES, SETTLES_WITH_ONE_MORE), new long[3], 1, 3, 30 * S, run);
        assertEquals(List.of(
                "fork a at 100 s",
                "fork c at 103 s",
                "no room for andrew at 106 s",    // 38 s from 106 s ends at 144 s, past 130 s
                "wait 10 s", "fork c at 116 s"),  // round 2: c 10 s after its last fork; andrew not told again
                run.events);
        assertEquals(List.of(1, 3, 2), after.stream().map(Figure::forks).toList());
    }

    @Test
    void figuresThatAllSettledGetNoMoreForks() {
        FakeForks run = new FakeForks(100 * S);
        List<Figure> after = Repetition.repeatUnsettled(List.of(SETTLED, new Figure("d", 1, 0.05)), new long[2], 1, 5, 45 * S, run);
        assertEquals(List.of(), run.events, "±5% is settled");
        assertEquals(List.of(1, 1), after.stream().map(Figure::forks).toList());
    }
}
