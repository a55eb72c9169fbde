package org.asfast.rmem;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Work;
import org.asfast.rmem.RmemKernel.Completion;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.systems.SystemParameters;

/**
 * READ, WRITE and CAS from several simulated DECstations on one target's segment, under a fault setting: each client
 * machine runs rounds of one increment of a shared counter by CAS (again from the value it found when another machine
 * got there first), a 3-cell WRITE of its own region and a READ of it back. With retransmission every operation is
 * answered exactly once and the counter holds exactly the increments reported (a CAS executed twice would add one no
 * machine reported); the paper's kernel, without it, stops a machine's rounds at the first lost cell.
 */
public final class RmemRounds {
    private static final int REGION = 3 * AtmCell.STAMPED_DATA_BYTES; // 3 cells, stamped or not

    /**
     * How the rounds went: rounds finished of those asked; increments reported and the counter's final value;
     * operations answered more than once; answers that were wrong (an error, data read back that was not written);
     * requests sent again and repeats the target answered from its kept replies.
     */
    public record Outcome(int rounds, int finished, int increments, int counter, long answeredTwice, List<String> wrong, long retransmissions,
            long repeats) {
        /** Every round finished, each operation answered once and right, and the counter holds the increments. */
        public boolean exactlyOnce() {
            return finished == rounds && answeredTwice == 0 && wrong.isEmpty() && counter == increments;
        }
    }

    private RmemRounds() {
    }

    /** {@code machines} client machines, {@code rounds} rounds each, against machine 0. */
    public static Outcome simulate(SystemParameters parameters, Faults faults, int machines, int rounds) {
        RmemSimulated sim = new RmemSimulated(parameters, faults);
        Target target = new Target();
        sim.add(target);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
            Client c = new Client(target, rounds);
            sim.add(c);
            clients.add(c);
        }
        sim.boot();
        for (int i = 0; i < machines; i++) {
            sim.invoke(i + 1, k -> ((Client) k).run());
        }
        sim.settle();
        List<String> wrong = new ArrayList<>();
        int finished = 0;
        int increments = 0;
        long twice = 0;
        long retransmissions = 0;
        for (Client c : clients) {
            wrong.addAll(c.wrong);
            finished += c.round;
            increments += c.increments;
            twice += c.answers.size() - c.answers.stream().distinct().count();
            retransmissions += c.retransmissions();
        }
        int counter = ByteBuffer.wrap(target.memory(target.segment.segment())).getInt(0);
        return new Outcome(machines * rounds, finished, increments, counter, twice, wrong, retransmissions, target.repeats());
    }

    /** The target: one exported segment, the counter in word 0, then a region per client machine. */
    private static final class Target extends RmemKernel {
        Descriptor segment;

        @Override
        protected void started() {
            segment = export(allocate(4096));
        }
    }

    private static final class Client extends RmemKernel {
        final Target machine;
        final int rounds;
        int local;
        int expected;
        int increments;
        int attempts;
        int round;
        final List<String> answers = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();

        Client(Target machine, int rounds) {
            this.machine = machine;
            this.rounds = rounds;
        }

        @Override
        protected void started() {
            local = allocate(REGION);
        }

        void run() {
            if (round == rounds) {
                return;
            }
            Descriptor target = machine.segment;
            int op = round;
            cas(target, 0, expected, expected + 1, once("cas " + attempts++, (r, e) -> {
                boolean swapped = AtmCell.intAt(r, 0) == 1;
                expected = swapped ? expected + 1 : AtmCell.intAt(r, 1);
                if (!swapped) {
                    run(); // another machine took the counter first: again from the value it left
                    return;
                }
                increments++;
                byte[] data = new byte[REGION];
                Arrays.fill(data, (byte) (context().self() * 50 + op));
                int at = 4 + REGION * (context().self() - 1);
                write(target, at, data, false, false, Work.DATA_TRANSFER, once("write " + op, (w, we) ->
                        read(target, at, REGION, local, 0, false, once("read " + op, (back, re) -> {
                            if (!Arrays.equals(data, back)) {
                                wrong.add("machine " + context().self() + " round " + op + " read back other data");
                            }
                            round++;
                            run();
                        }))));
            }));
        }

        /** Notes each answer, so that a second answer to the same operation shows; an error stops the machine's rounds. */
        private Completion once(String op, Completion next) {
            return (r, e) -> {
                answers.add(op);
                if (e != null) {
                    wrong.add("machine " + context().self() + " " + op + ": " + e);
                    return;
                }
                next.completed(r, e);
            };
        }
    }
}
