package org.asfast.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.asfast.check.ControlledNetwork.Crash;
import org.asfast.check.Explorer.Bounds;
import org.asfast.check.Explorer.Result;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.junit.jupiter.api.Test;

class ExplorerTest {

    /** Keeps what arrives: its collection decides whether arrival order is part of its state. */
    static final class Sink implements Node {
        final Collection<Integer> got;

        Sink(Collection<Integer> got) {
            this.got = got;
        }

        @Override
        public void start(NodeContext context) {
        }

        @Override
        public void receive(int from, byte[] message) {
            got.add((int) message[0]);
        }
    }

    /** Sends its address to node 0 once, at start. */
    static final class Sender implements Node {
        @Override
        public void start(NodeContext context) {
            context.send(0, new byte[] {(byte) context.self()});
        }

        @Override
        public void receive(int from, byte[] message) {
        }
    }

    /** k senders to one sink; the invariant is a predicate on what the sink holds. */
    static Scenario senders(int k, Supplier<Collection<Integer>> collection, Crash sinkCrash, Predicate<Collection<Integer>> holds) {
        return network -> {
            network.add(() -> new Sink(collection.get()), Map.of(), sinkCrash);
            for (int i = 0; i < k; i++) {
                network.add(new Sender(), Map.of());
            }
            return () -> holds.test(((Sink) network.node(0)).got) ? null : "sink holds " + ((Sink) network.node(0)).got;
        };
    }

    @Test
    void anUnorderedSinkHasOneStatePerSubsetOfArrivals() {
        Result r = Explorer.explore(senders(3, TreeSet::new, Crash.NEVER, got -> true), new Bounds(10, 0, 0, 0, 1000));
        assertEquals(8, r.states()); // 2^3 subsets
        assertEquals(12, r.transitions()); // each subset of j offers 3 - j deliveries: sum = 3 * 2^2
        assertEquals(0, r.cut());
        assertTrue(r.holds());
    }

    @Test
    void anOrderedSinkHasOneStatePerSequenceOfArrivals() {
        Result r = Explorer.explore(senders(3, ArrayList::new, Crash.NEVER, got -> true), new Bounds(10, 0, 0, 0, 1000));
        assertEquals(1 + 3 + 6 + 6, r.states()); // sequences of 0..3 distinct senders
    }

    @Test
    void theDepthBoundCutsAndCounts() {
        Result r = Explorer.explore(senders(3, ArrayList::new, Crash.NEVER, got -> true), new Bounds(2, 0, 0, 0, 1000));
        assertEquals(1 + 3 + 6, r.states());
        assertEquals(6, r.cut()); // each two-arrival sequence still has one datagram to deliver
    }

    @Test
    void aViolationComesWithItsShortestTrace() {
        Result r = Explorer.explore(senders(3, ArrayList::new, Crash.NEVER, ExplorerTest::sorted), new Bounds(10, 0, 0, 0, 1000));
        assertFalse(r.holds());
        assertEquals(List.of("deliver 2→0 02", "deliver 1→0 01"), r.violation().trace());
        assertTrue(r.violation().render().contains("violated: sink holds [2, 1]"), r.violation().render());
    }

    @Test
    void aDuplicateIsDeliveredOnlyWithinItsBudget() {
        Predicate<Collection<Integer>> once = got -> got.size() <= 1;
        assertTrue(Explorer.explore(senders(1, ArrayList::new, Crash.NEVER, once), new Bounds(10, 0, 0, 0, 1000)).holds());
        Result r = Explorer.explore(senders(1, ArrayList::new, Crash.NEVER, once), new Bounds(10, 0, 1, 0, 1000));
        assertEquals(List.of("duplicate 1→0 01", "deliver 1→0 01"), r.violation().trace());
    }

    @Test
    void aStoppedNodeLosesWhatWasInFlightToIt() {
        Result r = Explorer.explore(senders(2, TreeSet::new, Crash.STOPS, got -> true), new Bounds(10, 0, 0, 1, 1000));
        // 4 subsets with the sink up; crashing after 0, 1 (two ways) or 2 arrivals gives 4 more, then nothing moves
        assertEquals(8, r.states());
    }

    @Test
    void aRestartedNodeForgetsButStillReceivesWhatWasInFlight() {
        Result r = Explorer.explore(senders(1, ArrayList::new, Crash.RESTARTS, got -> true), new Bounds(10, 0, 0, 1, 1000));
        // up: [] with the datagram in flight, [1]; crashed from either: [] in flight, []; the datagram reaches the new sink: [1]
        assertEquals(2 + 2 + 1, r.states());
    }

    @Test
    void whatMustHoldAtTheEndIsCheckedWhenNothingMoreCanHappen() {
        for (Crash crash : new Crash[] {Crash.NEVER, Crash.STOPS}) {
            Scenario allArrive = network -> {
                network.add(() -> new Sink(new TreeSet<>()), Map.of(), crash);
                network.add(new Sender(), Map.of());
                network.add(new Sender(), Map.of());
                return new Scenario.Invariants() {
                    @Override
                    public String violation() {
                        return null;
                    }

                    @Override
                    public String atEnd() {
                        return ((Sink) network.node(0)).got.size() == 2 ? null : "lost " + ((Sink) network.node(0)).got;
                    }
                };
            };
            Result r = Explorer.explore(allArrive, new Bounds(10, 0, 0, 1, 1000));
            assertEquals(crash == Crash.NEVER, r.holds());
            if (crash == Crash.STOPS) {
                assertEquals(List.of("crash node 0 (it stays down)"), r.violation().trace());
                assertEquals("lost []", r.violation().invariant());
            }
        }
    }

    @Test
    void aSettledStartLeavesNothingToExplore() {
        Scenario settled = network -> {
            network.add(new Sink(new ArrayList<>()), Map.of());
            network.add(new TwoSends(), Map.of());
            network.add(new Alarms(), Map.of());
            network.settle();
            List<Integer> got = new ArrayList<>(((Sink) network.node(0)).got);
            List<Long> fired = ((Alarms) network.node(2)).fired;
            return () -> got.equals(List.of(1, 2)) && fired.equals(List.of(3L, 5L)) ? null : "settled to " + got + " and " + fired;
        };
        Result r = Explorer.explore(settled, new Bounds(10, 0, 0, 0, 1000));
        assertTrue(r.holds(), () -> r.violation().render());
        assertEquals(1, r.states());
        assertEquals(0, r.transitions());
    }

    /** Sends to node 0 and sets a timeout, as a caller does. */
    static final class Caller implements Node {
        boolean timedOut;

        @Override
        public void start(NodeContext context) {
            context.send(0, new byte[] {1});
            context.after(10, () -> timedOut = true);
        }

        @Override
        public void receive(int from, byte[] message) {
        }
    }

    @Test
    void timeoutsLongerThanDelaysWaitForAQuietNetworkOrALoss() {
        for (int drops = 0; drops <= 1; drops++) {
            for (boolean quiet : new boolean[] {false, true}) {
                Scenario call = network -> {
                    if (quiet) {
                        network.timeoutsWhenQuiet();
                    }
                    network.add(new Sink(new ArrayList<>()), Map.of());
                    network.add(new Caller(), Map.of());
                    return () -> ((Caller) network.node(1)).timedOut && ((Sink) network.node(0)).got.isEmpty() ? "timed out, not delivered" : null;
                };
                Result r = Explorer.explore(call, new Bounds(10, drops, 0, 0, 1000));
                // a timeout that waits for quiet fires before the delivery only if the datagram was dropped
                assertEquals(quiet && drops == 0, r.holds(), "quiet " + quiet + ", drops " + drops);
                if (quiet && drops == 1) {
                    assertEquals(List.of("drop 1→0 01", "timer of node 1 fires at 1.0E-5 ms"), r.violation().trace());
                }
            }
        }
    }

    /** Holds a lease until its clock reaches 10, and reads whether it still holds it when node 0's message comes. */
    static final class Holder implements Node {
        NodeContext context;
        boolean readAfterExpiry;

        @Override
        public void start(NodeContext context) {
            this.context = context;
            context.after(10, () -> { }); // its own lease timer: the clock reaches 10 when it fires
        }

        @Override
        public void receive(int from, byte[] message) {
            readAfterExpiry |= context.nanos() < 10 && message[0] == 2; // still "holds" it, though the revoker gave up on it
        }
    }

    /** Gives the holder up at its clock's 20 (after the lease), then tells it so. */
    static final class Revoker implements Node {
        @Override
        public void start(NodeContext context) {
            context.after(20, () -> context.send(1, new byte[] {2}));
        }

        @Override
        public void receive(int from, byte[] message) {
        }
    }

    @Test
    void clocksInStepFireTimersInDeadlineOrderAcrossNodesAndMoveEveryClock() {
        for (boolean inStep : new boolean[] {false, true}) {
            Scenario lease = network -> {
                if (inStep) {
                    network.clocksInStep();
                }
                network.add(new Revoker(), Map.of());
                network.add(new Holder(), Map.of());
                return () -> ((Holder) network.node(1)).readAfterExpiry ? "the holder saw the revocation before its lease ran out" : null;
            };
            Result r = Explorer.explore(lease, new Bounds(10, 0, 0, 0, 1000));
            // each node's own clock: the revoker's 20 may come before the holder's 10; one clock: never
            assertEquals(inStep, r.holds(), "in step " + inStep);
            if (!inStep) {
                assertEquals(List.of("timer of node 0 fires at 2.0E-5 ms", "deliver 0→1 02"), r.violation().trace());
            } else {
                assertTrue(r.states() >= 4, r.states() + " states");
            }
        }
    }

    /** Sends 1 then 2 to node 0. */
    static final class TwoSends implements Node {
        @Override
        public void start(NodeContext context) {
            context.send(0, new byte[] {1});
            context.send(0, new byte[] {2});
        }

        @Override
        public void receive(int from, byte[] message) {
        }
    }

    @Test
    void linksThatKeepOrderDeliverOnlyTheirOldest() {
        for (boolean inOrder : new boolean[] {false, true}) {
            Scenario twoSends = network -> {
                if (inOrder) {
                    network.keepOrderPerLink();
                }
                network.add(new Sink(new ArrayList<>()), Map.of());
                network.add(new TwoSends(), Map.of());
                return () -> sorted(((Sink) network.node(0)).got) ? null : "out of order";
            };
            Result r = Explorer.explore(twoSends, new Bounds(10, 0, 0, 0, 1000));
            assertEquals(!inOrder, !r.holds());
            assertEquals(inOrder ? 3 : 4, r.states()); // [], [1], [1, 2]; or also [2], from which [2, 1] is the violation
        }
    }

    /** Sets two timers, the later one first; records which fired. */
    static final class Alarms implements Node {
        final List<Long> fired = new ArrayList<>();

        @Override
        public void start(NodeContext context) {
            context.after(5, () -> fired.add(context.nanos()));
            context.after(3, () -> fired.add(context.nanos()));
        }

        @Override
        public void receive(int from, byte[] message) {
        }
    }

    @Test
    void aNodesTimersFireInTheOrderOfTheirDeadlines() {
        Scenario alarms = network -> {
            network.add(new Alarms(), Map.of());
            return () -> ((Alarms) network.node(0)).fired.equals(List.of(5L)) ? "the 5 ns timer fired first" : null;
        };
        Result r = Explorer.explore(alarms, new Bounds(10, 0, 0, 0, 1000));
        assertTrue(r.holds());
        assertEquals(3, r.states());
    }

    @Test
    void aScenarioThatIsNotDeterministicIsRefused() {
        int[] builds = {0};
        Scenario changing = network -> {
            network.add(new Sink(new ArrayList<>()), Map.of());
            byte differs = (byte) builds[0]++; // each build sends another datagram: a replay cannot reach the same state
            network.add(new Node() {
                @Override
                public void start(NodeContext context) {
                    context.send(0, new byte[] {differs});
                }

                @Override
                public void receive(int from, byte[] message) {
                }
            }, Map.of());
            return () -> null;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Explorer.explore(changing, new Bounds(10, 0, 0, 0, 1000)));
        assertTrue(e.getMessage().startsWith("the scenario is not deterministic"), e.getMessage());
    }

    private static boolean sorted(Collection<Integer> got) {
        List<Integer> list = new ArrayList<>(got);
        return list.stream().sorted().toList().equals(list);
    }
}
