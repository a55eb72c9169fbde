package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The progress line: n of N from JMH's benchmark list, elapsed time, and time left from the benchmarks done so far. */
class ProgressTest {

    @Test
    void countsEachBenchmarkOncePerParameterCombination() {
        assertEquals(3, Progress.count(List.of(Workloads.byName("select").includePattern()), List.of("host")), "select: 1 pipe, 10 empty, 10 full");
        assertEquals(6, Progress.count(List.of(Workloads.byName("select").includePattern()), List.of("host", "other")), "on two platforms");
        assertEquals(1 + 3, Progress.count(List.of(Workloads.byName("getpid").includePattern(), Workloads.byName("select").includePattern()), List.of("host")));
    }

    @Test
    void estimatesTheTimeLeftFromTheBenchmarksDone() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4, 10_000_000_000L, now::get);
        progress.started("a", false);          // nothing done yet: 4 x the 10 s estimate
        now.addAndGet(30_000_000_000L); // a took 30 s
        progress.finished();
        progress.started("b", false);          // 3 left at 30 s each
        now.addAndGet(10_000_000_000L); // b took 10 s: 20 s each on average
        progress.finished();
        progress.started("c", false);
        assertEquals(List.of(
                "asfast: benchmark 1 of 4: a; 0:00 elapsed, about 0:40 left",
                "asfast: benchmark 2 of 4: b; 0:30 elapsed, about 1:30 left",
                "asfast: benchmark 3 of 4: c; 0:40 elapsed, about 0:40 left"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals("1:01:05", Progress.clock(3665_000_000_000L));
    }

    @Test
    void singleShotForksAreCountedAndRefinedApartFromTheTimedOnes() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // A live pass: 3 timed forks expected at 10 s, 2 single-shot forks at 60 s
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Progress.Kind(3, 10_000_000_000L),
                new Progress.Kind(2, 60_000_000_000L), now::get);
        progress.started("andrew-1", true); // 3 x 10 + 2 x 60 s
        now.addAndGet(90_000_000_000L);     // a single-shot fork took 90 s
        progress.finished();
        progress.started("t-1", false);     // 3 x 10 + 1 x 90 s: the timed forks keep their own estimate
        now.addAndGet(4_000_000_000L);      // a timed fork took 4 s
        progress.finished();
        progress.started("t-2", false);     // 2 x 4 + 1 x 90 s
        assertEquals(List.of(
                "asfast: benchmark 1 of 5: andrew-1; 0:00 elapsed, about 2:30 left",
                "asfast: benchmark 2 of 5: t-1; 1:30 elapsed, about 2:00 left",
                "asfast: benchmark 3 of 5: t-2; 1:34 elapsed, about 1:38 left"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aLiveSingleShotForkIsExpectedToTakeItsWarmUpsAndShotsAtAMeasuredIterationEach() {
        for (Profile profile : Profile.values()) {
            Profile.Live live = profile.live;
            assertEquals(((long) (live.warmupIterations() + live.measurementIterations()) * profile.measurementMillis + 2500) * 1_000_000L,
                    LivePass.expectedNanosPerFork(profile, true), profile.name());
            assertEquals(((long) live.warmupIterations() * live.warmupMillis() + (long) live.measurementIterations() * live.measurementMillis() + 2500) * 1_000_000L,
                    LivePass.expectedNanosPerFork(profile, false), profile.name());
        }
        assertEquals(15_500_000_000L, LivePass.expectedNanosPerFork(Profile.FULL, true), "full: 3 warm-ups and 10 shots at 1 s, and 2.5 s to start");
    }
}
