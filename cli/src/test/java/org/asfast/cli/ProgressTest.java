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
        progress.started("a");          // nothing done yet: 4 x the 10 s estimate
        now.addAndGet(30_000_000_000L); // a took 30 s
        progress.finished();
        progress.started("b");          // 3 left at 30 s each
        now.addAndGet(10_000_000_000L); // b took 10 s: 20 s each on average
        progress.finished();
        progress.started("c");
        assertEquals(List.of(
                "asfast: benchmark 1 of 4: a; 0:00 elapsed, about 0:40 left",
                "asfast: benchmark 2 of 4: b; 0:30 elapsed, about 1:30 left",
                "asfast: benchmark 3 of 4: c; 0:40 elapsed, about 0:40 left"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals("1:01:05", Progress.clock(3665_000_000_000L));
    }
}
