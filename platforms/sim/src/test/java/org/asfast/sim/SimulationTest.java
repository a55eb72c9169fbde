package org.asfast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void eventsRunInTimeOrderAndTiesInTheOrderTheyWereScheduled() {
        Simulation sim = new Simulation();
        List<String> order = new ArrayList<>();
        sim.schedule(30, () -> order.add("c"));
        sim.schedule(10, () -> order.add("a"));
        sim.schedule(30, () -> order.add("d"));
        sim.schedule(20, () -> order.add("b"));
        sim.run();
        assertEquals(List.of("a", "b", "c", "d"), order);
        assertEquals(30.0, sim.now());
        assertEquals(4, sim.eventsRun());
    }

    @Test
    void aCancelledEventNeverRunsAndIsNotCounted() {
        Simulation sim = new Simulation();
        List<String> order = new ArrayList<>();
        Timer t = sim.schedule(5, () -> order.add("cancelled"));
        sim.schedule(6, () -> order.add("kept"));
        t.cancel();
        sim.run();
        assertEquals(List.of("kept"), order);
        assertEquals(1, sim.eventsRun());
        assertFalse(t.fired());
    }

    @Test
    void advanceWithNothingPendingAddsExactlyAndRunsDueEventsOtherwise() {
        Simulation sim = new Simulation();
        sim.advance(0.1);
        sim.advance(0.2);
        assertEquals(0.1 + 0.2, sim.now()); // the same sum, in the same order, as a plain double clock
        List<Double> seen = new ArrayList<>();
        sim.schedule(5, () -> seen.add(sim.now()));
        sim.advance(100);
        assertEquals(List.of(0.1 + 0.2 + 5), seen);
        assertEquals(0.1 + 0.2 + 100, sim.now());
    }

    @Test
    void heapKeepsOrderUnderManyRandomEvents() {
        Simulation sim = new Simulation();
        SplittableRandom random = new SplittableRandom(42);
        double[] last = {-1};
        int[] count = {0};
        for (int i = 0; i < 10_000; i++) {
            sim.schedule(random.nextInt(1000), () -> {
                assertTrue(sim.now() >= last[0]);
                last[0] = sim.now();
                count[0]++;
            });
        }
        sim.run();
        assertEquals(10_000, count[0]);
    }

    @Test
    void runUntilReportsWhenNothingMoreCanHappen() {
        Simulation sim = new Simulation();
        boolean[] done = {false};
        sim.schedule(7, () -> done[0] = true);
        assertTrue(sim.runUntil(() -> done[0]));
        assertFalse(sim.runUntil(() -> false));
    }

    @Test
    void badTimesAreRefused() {
        Simulation sim = new Simulation();
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Double.NaN, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Double.POSITIVE_INFINITY, () -> { }));
        assertThrows(IllegalStateException.class, () -> sim.advance(-0.5));
    }

    @Test
    void aFifoResourceServesJobsOneAtATimeInArrivalOrder() {
        Simulation sim = new Simulation();
        FifoResource disk = new FifoResource(sim, "disk");
        assertEquals(10.0, disk.reserve(10));
        assertEquals(15.0, disk.reserve(5)); // queued behind the first
        sim.advance(100);
        assertEquals(107.0, disk.reserve(7)); // idle, starts on arrival
        assertEquals(22.0, disk.busyNanos());
        assertEquals(3, disk.jobs());
    }

    @Test
    void aJobWhoseLengthDependsOnItsStartQueuesLikeAnyOther() {
        Simulation sim = new Simulation();
        FifoResource disk = new FifoResource(sim, "disk");
        // a sector under the head every 10 ns: the job waits for the next one, then takes 1 ns
        java.util.function.DoubleUnaryOperator nextSector = start -> Math.ceil(start / 10) * 10 + 1;
        assertEquals(1.0, disk.serve(0, nextSector));
        assertEquals(11.0, disk.serve(0, nextSector), "queued behind the first, it starts at 1 and misses the sector at 0");
        assertEquals(31.0, disk.serve(25, nextSector), "idle, it starts on arrival");
        assertEquals(1 + 10 + 6, disk.busyNanos());
        assertThrows(IllegalStateException.class, () -> disk.serve(40, start -> start - 1));
    }
}
