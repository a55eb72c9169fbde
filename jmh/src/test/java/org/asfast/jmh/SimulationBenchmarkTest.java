package org.asfast.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kernel benchmark's score is events per second: each invocation must run the number of events it declares. */
class SimulationBenchmarkTest {

    @Test
    void eachPatternRunsTheEventsItCounts() {
        for (int actors : new int[] {1, 1000}) {
            assertEquals(SimulationBenchmark.EVENTS, SimulationBenchmark.timers(actors), "timers, " + actors);
            assertEquals(SimulationBenchmark.EVENTS, SimulationBenchmark.fifoResource(actors), "FIFO resource, " + actors);
            long calls = SimulationBenchmark.calls(actors);
            // the caller stops at the first call that ends past the count: at most a call's two events and the ticks meanwhile over
            assertTrue(calls >= SimulationBenchmark.EVENTS && calls < SimulationBenchmark.EVENTS * 1.01, "calls, " + actors + ": " + calls);
        }
    }
}
