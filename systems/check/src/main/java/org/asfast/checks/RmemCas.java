package org.asfast.checks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asfast.check.ControlledNetwork;
import org.asfast.check.Scenario;
import org.asfast.checks.Linearizability.Operation;
import org.asfast.checks.Linearizability.Step;
import org.asfast.rmem.RmemKernel;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.rmem.RmemSimulated;

/**
 * rmem's CAS on one shared word (Thekkath et al. §3.1): machine 0 exports a one-word segment, holding 0; machines
 * 1..n each run {@code CAS(0 -> i)} (take the word) then {@code CAS(i -> 0)} (give it back), one after the other,
 * through their kernels' CAS meta-instruction. In every state the history of CAS operations, each with the
 * (swapped, old value) it returned, must be linearizable against a word that one CAS at a time compares and swaps.
 * Cells between two machines arrive in the order sent, as on an ATM virtual circuit, or not at all.
 *
 * @param casClient how machine i runs its CAS operations: the real meta-instruction ({@link #META_INSTRUCTION}),
 *                  or, in a test, another way that should be caught
 */
public record RmemCas(int clients, CasClient casClient) implements Scenario {
    /** The word: a segment of machine 0 of one word. */
    static final int WORD_BYTES = 4;

    /** How a client machine does one CAS on the shared word: {@code done} gets (swapped, old value). */
    public interface CasClient {
        void cas(RmemKernel kernel, Descriptor word, int expected, int replacement, Done done);
    }

    /** A finished CAS: whether it swapped and the value it found. */
    public interface Done {
        void done(boolean swapped, int old);
    }

    /** The kernel's CAS meta-instruction: one request cell, compared and swapped at the word's machine. */
    public static final CasClient META_INSTRUCTION = (kernel, word, expected, replacement, done) ->
            kernel.cas(word, 0, expected, replacement, (result, error) -> {
                if (error != null) {
                    throw new IllegalStateException("CAS failed: " + error);
                }
                ByteBuffer r = ByteBuffer.wrap(result);
                done.done(r.getInt() == 1, r.getInt());
            });

    /** The word's owner: exports one zeroed word when it boots. */
    private static final class WordOwner extends RmemKernel {
        Descriptor word;

        @Override
        protected void started() {
            word = export(allocate(WORD_BYTES));
        }
    }

    /** The CAS history, in the order the handlers ran (a logical clock), checked for linearizability. */
    private static final class History implements Invariants {
        final List<Operation> operations = new ArrayList<>();
        long clock;
        int checked = -1;
        String verdict;

        int invoke(String who, Cas cas) {
            operations.add(new Operation(who, cas, null, clock++, -1));
            return operations.size() - 1;
        }

        void returned(int index, CasResult result) {
            Operation op = operations.get(index);
            operations.set(index, new Operation(op.who(), op.input(), result, op.invoked(), clock++));
        }

        @Override
        public String violation() {
            int version = (int) clock;
            if (version != checked) { // the verdict changes only with the history
                checked = version;
                verdict = WORD.holds(operations) ? null : "CAS is not linearizable: " + operations;
            }
            return verdict;
        }

        @Override
        public String describe(byte[] message) {
            return atmCell(message);
        }
    }

    record Cas(int expected, int replacement) {
        @Override
        public String toString() {
            return "CAS(" + expected + "->" + replacement + ")";
        }
    }

    record CasResult(boolean swapped, int old) {
        @Override
        public String toString() {
            return (swapped ? "swapped" : "failed") + ", old " + old;
        }
    }

    /** A word that one CAS at a time compares and swaps. */
    static final Linearizability<Integer> WORD = Linearizability.of(0, (word, input) -> {
        Cas cas = (Cas) input;
        boolean swapped = word.intValue() == cas.expected();
        return new Step<>(swapped ? cas.replacement() : word, new CasResult(swapped, word));
    });

    @Override
    public Invariants build(ControlledNetwork network) {
        Map<String, Double> parameters = PARAMETERS;
        History history = new History();
        network.keepOrderPerLink(); // cells of one ATM virtual circuit arrive in the order sent
        network.add(new WordOwner(), parameters);
        Descriptor word = ((WordOwner) network.node(0)).word;
        for (int i = 1; i <= clients; i++) {
            int client = network.add(new RmemKernel(), parameters);
            RmemKernel kernel = (RmemKernel) network.node(client);
            int me = i;
            network.invoke(client, () -> casThen(history, kernel, word, 0, me,
                    () -> casThen(history, kernel, word, me, 0, () -> { })));
        }
        return history;
    }

    private void casThen(History history, RmemKernel kernel, Descriptor word, int expected, int replacement, Runnable next) {
        int op = history.invoke("machine " + kernel.context().self(), new Cas(expected, replacement));
        casClient.cas(kernel, word, expected, replacement, (swapped, old) -> {
            history.returned(op, new CasResult(swapped, old));
            next.run();
        });
    }

    private static final Map<String, Double> PARAMETERS = RmemSimulated.parameters().numbers();

    private static final String[] OPS = {"WRITE", "READ", "CAS", "READ_DATA", "CAS_RESULT", "WRITE_ACK", "PROTECTION_ERROR"};

    /** An ATM cell of rmem's protocol as a trace shows it: the operation, its tag, offset and data words. */
    static String atmCell(byte[] cell) {
        ByteBuffer b = ByteBuffer.wrap(cell);
        int word = b.getInt();
        b.getInt(); // generation
        int offset = b.getInt();
        StringBuilder out = new StringBuilder(OPS[word >>> 28]).append(" tag ").append(word & 0xffff).append(" at ").append(offset);
        if ((word >>> 24 & 4) != 0) { // a retransmitting kernel's stamp: incarnation, sequence
            out.append(" stamp ").append(b.getInt()).append('/').append(b.getInt());
        }
        int data = b.position();
        while (b.remaining() >= 4) {
            out.append(b.position() == data ? " [" : ", ").append(b.getInt());
        }
        return cell.length > data ? out.append(']').toString() : out.toString();
    }
}
