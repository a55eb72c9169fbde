package org.asfast.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;

/**
 * A platform whose clock is virtual reports its virtual time through JMH's secondary results, so
 * that modelled and measured platforms share one result format; a real platform reports none.
 */
class VirtualTimeTest {
    static {
        // JMH's lock keeps benchmark runs apart; this short correctness check may run beside one.
        System.setProperty("jmh.ignoreLock", "true");
    }

    private static Map<String, Result> secondary(String platform) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("^" + GetpidBenchmark.class.getName().replace(".", "\\.") + "\\.")
                .param("platform", platform)
                .forks(0)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(50))
                .measurementIterations(3).measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .build()).run();
        assertEquals(1, results.size());
        return results.iterator().next().getSecondaryResults();
    }

    @Test
    void virtualTimePerOperationIsExactlyWhatTheClockCharged() throws Exception {
        Map<String, Result> secondary = secondary(TickingPlatform.NAME);
        double nanos = secondary.get("virtualNanos").getScore();
        double operations = secondary.get("operations").getScore();
        assertTrue(operations > 100, "many calls in 50 ms: " + operations);
        assertEquals(TickingPlatform.NANOS_PER_CALL, nanos / operations, 1e-9);
    }

    @Test
    void theHostReportsNoVirtualTimeButCountsItsOperations() throws Exception {
        Map<String, Result> secondary = secondary("host");
        assertEquals(0.0, secondary.get("virtualNanos").getScore());
        assertTrue(secondary.get("operations").getScore() > 100, "operations are counted on any platform, for bytes per operation");
    }
}
