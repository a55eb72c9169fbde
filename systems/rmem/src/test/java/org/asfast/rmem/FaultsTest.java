package org.asfast.rmem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Work;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.junit.jupiter.api.Test;

/**
 * READ, WRITE and CAS on a network that loses 10% of the cells and repeats 5%, simulated and live: with retransmission
 * every operation completes exactly once (each answer once; each CAS and WRITE executed once, which a counter built by
 * CAS would show); the paper's kernel, without it, loses operations on the same network.
 */
class FaultsTest {
    private static final Faults LOSSY = Faults.parse("drop=0.1,dup=0.05,seed=7");
    private static final int CLIENTS = 3;
    private static final int ROUNDS = 40;

    /** A machine that exports one segment: word 0 is the shared counter, then a 120-byte region per client machine. */
    static final class Target extends RmemKernel {
        Descriptor segment;

        @Override
        protected void started() {
            segment = export(allocate(4096));
        }
    }

    /** One client machine: ROUNDS times, one increment of the counter by CAS, a 3-cell WRITE of its region and a READ of it back. */
    static final class Client extends RmemKernel {
        final Target machine;
        Descriptor target;
        int local;
        int expected;
        int increments;
        int attempts;
        int round;
        final List<String> answers = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();

        Client(Target machine) {
            this.machine = machine;
        }

        @Override
        protected void started() {
            local = allocate(4096);
        }

        void run() {
            if (round == ROUNDS) {
                return;
            }
            target = machine.segment;
            int op = round;
            cas(target, 0, expected, expected + 1, once("cas " + attempts++, (r, e) -> {
                boolean swapped = AtmCell.intAt(r, 0) == 1;
                expected = swapped ? expected + 1 : AtmCell.intAt(r, 1);
                if (!swapped) {
                    run(); // another machine took the counter first: try again from its value
                    return;
                }
                increments++;
                byte[] data = new byte[120];
                Arrays.fill(data, (byte) (context().self() * 50 + op));
                int at = 4 + 120 * context().self();
                write(target, at, data, false, false, Work.DATA_TRANSFER, once("write " + op, (w, we) ->
                        read(target, at, 120, local, 0, false, once("read " + op, (back, re) -> {
                            if (!Arrays.equals(data, back)) {
                                wrong.add("round " + op + " read back " + Arrays.toString(Arrays.copyOf(back, 4)));
                            }
                            round++;
                            run();
                        }))));
            }));
        }

        /** The operation's answer, noted so that a second answer to the same operation shows. */
        private Completion once(String op, Completion next) {
            return (r, e) -> {
                answers.add(op);
                if (e != null) {
                    wrong.add(op + ": " + e);
                    return;
                }
                next.completed(r, e);
            };
        }
    }

    private record Outcome(Target target, List<Client> clients) {
        int counter() {
            return ByteBuffer.wrap(target.memory(target.segment.segment())).getInt(0);
        }
    }

    private static Outcome simulate(org.asfast.systems.SystemParameters parameters) {
        RmemSimulated sim = new RmemSimulated(parameters, LOSSY);
        Target target = new Target();
        sim.add(target);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client c = new Client(target);
            sim.add(c);
            clients.add(c);
        }
        sim.boot();
        for (int i = 0; i < CLIENTS; i++) {
            sim.invoke(i + 1, k -> ((Client) k).run());
        }
        sim.settle();
        return new Outcome(target, clients);
    }

    @Test
    void simulatedEveryOperationCompletesExactlyOnceUnderLossAndDuplication() {
        Outcome o = simulate(RmemSimulated.parameters());
        int increments = 0;
        long retransmissions = 0;
        for (Client c : o.clients()) {
            assertEquals(List.of(), c.wrong);
            assertEquals(ROUNDS, c.round, "every round finished on machine " + c.context().self());
            assertEquals(c.answers.size(), c.answers.stream().distinct().count(), "no operation answered twice: " + c.answers);
            assertEquals(c.attempts, c.answers.stream().filter(a -> a.startsWith("cas")).count(), "every CAS answered");
            assertEquals(ROUNDS, c.answers.stream().filter(a -> a.startsWith("write")).count());
            assertEquals(ROUNDS, c.answers.stream().filter(a -> a.startsWith("read")).count());
            increments += c.increments;
            retransmissions += c.retransmissions();
        }
        assertEquals(CLIENTS * ROUNDS, increments);
        assertEquals(increments, o.counter(), "each CAS executed once: the counter holds exactly the increments reported");
        assertTrue(retransmissions > 0 && o.target().repeats() > 0, "the faults were felt: " + retransmissions + " retransmissions, "
                + o.target().repeats() + " repeats answered from the kept replies");
    }

    @Test
    void simulatedThePapersKernelWithoutRetransmissionLosesOperationsOnTheSameNetwork() {
        Outcome o = simulate(RmemSimulated.parameters().with("retransmit_on_faults_us", 0));
        int rounds = o.clients().stream().mapToInt(c -> c.round).sum();
        assertTrue(rounds < CLIENTS * ROUNDS, "a lost cell stops its machine's rounds: " + rounds);
    }

    @Test
    void liveEveryOperationCompletesExactlyOnceUnderLossAndDuplication() {
        try (RmemLive live = new RmemLive("drop=0.1,dup=0.05,seed=11")) {
            Descriptor bench = live.importSegment(LiveMachines.BENCH);
            int increments = 0;
            int expected = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int[] r = live.cas(bench, 0, expected, expected + 1);
                assertEquals(1, r[0], "one client: every CAS from the counter's value swaps, round " + round);
                increments++;
                expected++;
                byte[] data = new byte[120];
                Arrays.fill(data, (byte) round);
                live.write(bench, 40, data);
                assertArrayEquals(data, live.read(bench, 40, 120), "round " + round);
            }
            assertEquals(increments, ByteBuffer.wrap(live.read(bench, 0, 4)).getInt(), "each CAS executed once");
            assertTrue(live.client().retransmissions() > 0, "the faults were felt");
        }
    }
}
