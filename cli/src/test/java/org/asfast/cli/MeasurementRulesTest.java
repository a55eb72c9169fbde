package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.asfast.host.CLoops;
import org.junit.jupiter.api.Test;

/** The run's rules for repeating unsettled figures, sampling the JMH forks, and writing the C figures. */
class MeasurementRulesTest {

    @Test
    void unsettledFiguresAreRepeatedLeastSettledFirst() {
        List<Repetition.Summary> summaries = List.of(
                new Repetition.Summary(100, 97, 103),          // ±3%: settled
                new Repetition.Summary(100, 90, 110),          // ±10%
                new Repetition.Summary(100, 95, 105),          // ±5%: settled, just
                new Repetition.Summary(100, Double.NaN, Double.NaN), // one iteration, no interval
                new Repetition.Summary(100, 94, 106));         // ±6%
        assertEquals(List.of(3, 1, 4), Repetition.unsettled(summaries));
        assertEquals(0.10, summaries.get(1).relativeHalfWidth(), 1e-12);
    }

    @Test
    void aSingleShotFigureIsRepeatedAfterTheTimedOnesHoweverUnsettled() {
        List<Repetition.Summary> summaries = List.of(
                new Repetition.Summary(100, 80, 120, true),    // Andrew, ±20%
                new Repetition.Summary(100, 94, 106, false),   // ±6%
                new Repetition.Summary(100, 97, 103, true),    // Andrew, settled
                new Repetition.Summary(100, 91, 109, true),    // Andrew, ±9%
                new Repetition.Summary(100, 92, 108, false));  // ±8%
        assertEquals(List.of(4, 1, 0, 3), Repetition.unsettled(summaries));
    }

    @Test
    void aFiguresNextForkStartsTenSecondsAfterItsLastEnded() {
        long s = 1_000_000_000L;
        assertEquals(7 * s, Repetition.waitBeforeNextFork(100 * s, 103 * s), "3 s after its last: 7 s more");
        assertEquals(0, Repetition.waitBeforeNextFork(100 * s, 110 * s), "exactly 10 s after");
        assertEquals(0, Repetition.waitBeforeNextFork(100 * s, 130 * s), "other figures' forks have filled the gap");
    }

    @Test
    void figuresThatNeedNoWaitGoFirstThenTheSoonestReady() {
        long s = 1_000_000_000L;
        long[] lastForkEnded = {0, 95 * s, 50 * s, 99 * s, 60 * s}; // now is 100 s: figures 1 and 3 must wait, 3 longer
        assertEquals(List.of(4, 2, 1, 3), Repetition.readyFirst(List.of(1, 3, 4, 2), lastForkEnded, 100 * s),
                "4 and 2 ready, in the given (least settled first) order; then 1 (ready at 105 s) before 3 (at 109 s)");
        assertEquals(List.of(3, 1), Repetition.readyFirst(List.of(3, 1), lastForkEnded, 120 * s), "all ready: the given order");
    }

    @Test
    void theForkShapeIsTheMostThreadsAndTheMedianDescriptors() {
        assertEquals(21, ForkSampler.threadsOf(List.of("Name:\tjava", "Umask:\t0022", "Threads:\t21", "SigQ:\t0/1")));
        assertEquals(0, ForkSampler.threadsOf(List.of("Name:\tjava")));
        assertEquals(0, ForkSampler.threadsOf(List.of("Threads:\tmany")));
        assertEquals(new ForkSampler.Shape(22, 50, 3), ForkSampler.summarise(List.of(18, 22, 20), List.of(70, 40, 50)));
        assertEquals(new ForkSampler.Shape(0, 0, 0), ForkSampler.summarise(List.of(), List.of()));
    }

    @Test
    void aCFigureIsWrittenAsAJmhResultWithItsInterval() {
        Map<String, Object> result = CColumn.jmhResult(new CLoops.Figure("org.asfast.jmh.GetpidBenchmark.getpid", Map.of(), List.of(100.0, 110.0, 120.0)), 0);
        assertEquals("org.asfast.jmh.GetpidBenchmark.getpid", result.get("benchmark"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
        assertEquals(110.0, (double) metric.get("score"), 1e-9);
        assertEquals("ns/op", metric.get("scoreUnit"));
        // Student's t at 99.9% with 2 degrees of freedom is 31.6; the standard error is 10 / sqrt(3).
        double error = (double) metric.get("scoreError");
        assertEquals(31.599 * 10 / Math.sqrt(3), error, 0.01);
        assertEquals(List.of(110.0 - error, 110.0 + error), metric.get("scoreConfidence"));
        assertEquals(List.of(List.of(100.0, 110.0, 120.0)), metric.get("rawData"));
        @SuppressWarnings("unchecked")
        Map<String, Object> two = (Map<String, Object>) CColumn.jmhResult(new CLoops.Figure("b", Map.of(), List.of(1.0, 2.0)), 0).get("primaryMetric");
        assertEquals(List.of("NaN", "NaN"), two.get("scoreConfidence"), "no interval from two trials, as JMH gives none");
    }

    @Test
    void aCFigureOfABandwidthCarriesTheBytesOfOneOperation() {
        CLoops.Settings settings = new CLoops.Settings(1, 0, 100, 3, 4096, 1 << 26, 1 << 26, List.of("bcopy", "read"));
        assertEquals(1L << 26, CColumn.bytesPerOperation(new CLoops.Figure("org.asfast.jmh.BcopyBenchmark.bcopy", Map.of("size", "UNCACHED"), List.of(1.0)), settings));
        assertEquals(4096L, CColumn.bytesPerOperation(new CLoops.Figure("org.asfast.jmh.BcopyBenchmark.bcopy", Map.of("size", "CACHED"), List.of(1.0)), settings));
        assertEquals(16384L, CColumn.bytesPerOperation(new CLoops.Figure("org.asfast.jmh.ReadBenchmark.read", Map.of(), List.of(1.0)), settings));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> secondary = (Map<String, Map<String, Object>>) CColumn.jmhResult(
                new CLoops.Figure("org.asfast.jmh.ReadBenchmark.read", Map.of(), List.of(1.0, 2.0, 3.0)), 16384).get("secondaryMetrics");
        assertEquals(16384.0, (double) secondary.get("bytes").get("score") / (double) secondary.get("operations").get("score"));
    }

    @Test
    void onlyTheHostWorkloadsWithCLoopsRunInC() {
        assertEquals(List.of("getpid", "create-delete"), CColumn.cWorkloads(List.of(Workloads.byName("getpid"), Workloads.byName("andrew"), Workloads.byName("create-delete"))));
        assertTrue(CColumn.cWorkloads(List.of(Workloads.byName("andrew"))).isEmpty());
    }
}
