package org.asfast.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.asfast.check.ControlledNetwork;
import org.asfast.check.ControlledNetwork.Crash;
import org.asfast.check.Scenario;
import org.asfast.checks.Linearizability.Operation;
import org.asfast.checks.Linearizability.Step;
import org.asfast.nodes.Node;
import org.asfast.xfs.Layout;
import org.asfast.xfs.Message;
import org.asfast.xfs.StorageServer;
import org.asfast.xfs.XfsClient;
import org.asfast.xfs.XfsManager;
import org.asfast.xfs.XfsSimulated;

/**
 * xFS's coherence and storage: one manager, a stripe group of storage servers, and clients that each run a script of
 * whole-block writes and reads ({@code "w0 r0"}: write block 0, then read it). In every state at most one live client
 * holds the right to write a block, and each block's reads and acknowledged writes are linearizable (a read returns
 * the last write acknowledged before it began or one that overlapped it, and reads agree on the writes' order; a
 * block never written reads as zeros; a write that failed must never be read), and no live client may read from its
 * cache a version older than the manager's last commit (a copy the manager lost track of, caught even before a read
 * shows it: two writes that overlap in time let a read of the older one pass as linearizable). Once nothing more can happen, every
 * operation of a live client has finished: with a storage server failed, no acknowledged block is lost and writes
 * still complete; with a writer crashed, the manager has taken its ownership back for the others.
 *
 * <p>The manager suspects a client that stays silent for {@code xfs_timeout_ms}. With {@code timeoutsLongerThanDelays}
 * that timeout fires only when no datagram is in flight, as when every message arrives within the timeout; then the
 * manager waits for a live writer's answer before it grants again, and "at most one writer" is checked as the clients
 * see it. Without it, a timeout may fire while a live client's messages are still on their way: the manager may take
 * the grant back from a writer that still writes, which is safe only because that writer is fenced (its report is
 * refused, so its stripe never becomes the block's); "at most one writer" then counts the writers not fenced, and the
 * linearizability check shows that the fenced one's write is never acknowledged or read. The manager may also give a
 * read up while its copy is on the way, or count a live cacher as crashed: such a copy is no longer tracked, and only
 * its lease keeps it from being read after a later write. A delay longer than every try may make any operation give
 * up, so without {@code timeoutsLongerThanDelays} only safety is checked. The search's drop budget loses datagrams
 * explicitly: a client sends a lost request again, so with one loss every operation must still finish.
 *
 * <p>The nodes' clocks agree ({@code clocksInStep}): leases need clocks that run at one rate, as real machines' do
 * to within a bounded drift, which this leaves out (and with it the margin a lease would need for it).
 *
 * @param fault      what may fail, once, anywhere in the run
 * @param attempts   tries of each retry (xfs_max_attempts): {@link #ATTEMPTS}, or 1 where delays are unbounded
 * @param clientNode what runs on a client's machine around its XfsClient: the client itself, or, in a test, a
 *                   broken wrapper that should be caught
 */
public record XfsCoherence(List<String> scripts, int storageServers, Fault fault, boolean timeoutsLongerThanDelays, int attempts,
                           Function<XfsClient, Node> clientNode) implements Scenario {
    private static final Map<List<Integer>, Map<String, Double>> PARAMETERS = new ConcurrentHashMap<>();

    /**
     * Tries of each retry (a read's sources, an invalidation, a request to report, a writer's requests for the grant):
     * two, not the shipped four. Each try is a timer whose firing multiplies the orders to explore, and no invariant
     * depends on the count: a second try already takes every path a fourth would.
     */
    static final int ATTEMPTS = 2;

    /** Blocks this small hold the same protocol as 8 KB ones, with less to copy and hash. */
    static final int BLOCK_BYTES = 16;

    /** What may fail (the search's crash budget says how often: once). */
    public enum Fault {
        NONE,
        /** A storage server stops for good. */
        STORAGE_SERVER_STOPS,
        /** The first client stops for good (kill -9), perhaps while it holds the right to write. */
        FIRST_CLIENT_STOPS
    }

    /** A write or read of a block by a client, over the logical time of the handlers; a failed one is over but wrote or read nothing. */
    private record Op(int client, boolean write, long block, int value, long invoked, long returned, boolean failed) {
        @Override
        public String toString() {
            return "client " + client + (write ? " wrote " + name(value) + " to" : " read " + (returned < 0 ? "" : name(value) + " from"))
                    + " block " + block + (returned < 0 ? " (pending)" : failed ? " (failed)" : "");
        }
    }

    static String name(int value) {
        return value == 0 ? "zeros" : "w" + (value >> 8) + "." + (value & 0xff);
    }

    /** A block as a register: a write sets it, a read returns it. */
    private static final Linearizability<Integer> REGISTER = Linearizability.of(0, (value, input) -> {
        Op op = (Op) input;
        return op.write ? new Step<>(op.value, null) : new Step<>(value, value);
    });

    private static final class History implements Invariants {
        final List<XfsClient> clients = new ArrayList<>();
        final List<Integer> addresses = new ArrayList<>();
        final List<Op> ops = new ArrayList<>();
        ControlledNetwork network;
        XfsManager manager;
        boolean fencedMayWrite;
        boolean mustFinish;
        long clock;
        long checked = -1;
        String verdict;

        int begin(int client, boolean write, long block, int value) {
            ops.add(new Op(client, write, block, value, clock++, -1, false));
            return ops.size() - 1;
        }

        void end(int index, int value, boolean failed) {
            Op op = ops.get(index);
            ops.set(index, new Op(op.client, op.write, op.block, value, op.invoked, clock++, failed));
        }

        @Override
        public String violation() {
            for (long block : ops.stream().map(Op::block).distinct().toList()) {
                int writers = 0;
                for (int i = 0; i < clients.size(); i++) {
                    XfsClient c = clients.get(i);
                    if (network.up(addresses.get(i)) && c.writing(block) && !(fencedMayWrite && manager.takenBack(block, c.grant(block)))) {
                        writers++;
                    }
                }
                if (writers > 1) {
                    return writers + " clients hold the right to write block " + block + " at once";
                }
                // A copy older than the last commit that its holder may still read: the manager lost track of it, and a
                // read would return it though the later write was acknowledged (whether or not a read comes to show it).
                for (int i = 0; i < clients.size(); i++) {
                    long readable = clients.get(i).readableVersion(block);
                    if (network.up(addresses.get(i)) && readable >= 0 && readable < manager.version(block)) {
                        return "client " + i + " may read version " + readable + " of block " + block + " from its cache, though version "
                                + manager.version(block) + " is committed: " + (manager.cachers(block).contains(addresses.get(i))
                                        ? "the manager counts the copy but did not invalidate it" : "the manager no longer tracks that copy");
                    }
                }
            }
            if (clock != checked) { // the history changes only when an operation begins or ends
                checked = clock;
                verdict = linearizable();
            }
            return verdict;
        }

        /** Null if every block's history is linearizable, else which read (in the order they returned) first makes it not. */
        private String linearizable() {
            for (long block : ops.stream().map(Op::block).distinct().toList()) {
                List<Op> mine = ops.stream().filter(o -> o.block == block && !o.failed).toList();
                List<Op> reads = mine.stream().filter(o -> !o.write && o.returned >= 0).sorted(java.util.Comparator.comparingLong(Op::returned)).toList();
                for (int k = 0; k < reads.size(); k++) {
                    long upTo = reads.get(k).returned;
                    List<Operation> history = mine.stream().filter(o -> o.write || o.returned <= upTo)
                            .map(o -> new Operation("client " + o.client, o, o.write ? null : (Object) o.value, o.invoked, o.returned)).toList();
                    if (!REGISTER.holds(history)) {
                        return reads.get(k) + ", which no order of block " + block + "'s writes allows (history: " + ops + ")";
                    }
                }
            }
            return null;
        }

        @Override
        public String atEnd() {
            if (!mustFinish) {
                return null;
            }
            for (Op op : ops) {
                if (op.returned < 0 && network.up(addresses.get(op.client))) {
                    return "client " + op.client + "'s " + (op.write ? "write" : "read") + " of block " + op.block + " never finished"
                            + (op.write ? "" : ": the block is lost");
                }
                if (!op.write && op.failed && network.up(addresses.get(op.client))) {
                    return "client " + op.client + "'s read of block " + op.block + " failed: the block is lost";
                }
            }
            return null;
        }

        @Override
        public String describe(byte[] message) {
            Message m = Message.decode(message);
            return m == null ? message.length + " bytes" : m.toString();
        }
    }

    @Override
    public Invariants build(ControlledNetwork network) {
        Map<String, Double> parameters = PARAMETERS.computeIfAbsent(List.of(storageServers, scripts.size(), attempts), k -> XfsSimulated.parameters(1, storageServers, scripts.size())
                .with("xfs_stripe_width", storageServers).with("block_bytes", BLOCK_BYTES).with("xfs_max_attempts", attempts)
                .numbers()); // read once: a search builds thousands of times
        network.clocksInStep(); // a cached copy's lease needs clocks that run at one rate
        if (timeoutsLongerThanDelays) {
            network.timeoutsWhenQuiet();
        }
        Layout layout = new Layout(1, storageServers, storageServers, scripts.size());
        History history = new History();
        history.network = network;
        history.fencedMayWrite = !timeoutsLongerThanDelays;
        history.mustFinish = timeoutsLongerThanDelays; // a delay past every try may make any operation give up
        history.manager = new XfsManager();
        network.add(history.manager, parameters);
        for (int i = 0; i < storageServers; i++) {
            network.add(StorageServer::new, parameters, fault == Fault.STORAGE_SERVER_STOPS ? Crash.STOPS : Crash.NEVER);
        }
        for (int i = 0; i < scripts.size(); i++) {
            XfsClient client = new XfsClient();
            Node node = clientNode.apply(client);
            history.clients.add(client);
            history.addresses.add(network.add(() -> node, parameters, i == 0 && fault == Fault.FIRST_CLIENT_STOPS ? Crash.STOPS : Crash.NEVER));
        }
        network.settle(); // the storage servers' start-up (each asks the others what they hold) is not what is checked
        for (int i = 0; i < scripts.size(); i++) {
            int c = i;
            XfsClient client = history.clients.get(i);
            network.invoke(layout.client(i), () -> run(history, c, client, List.of(scripts.get(c).trim().split("\\s+")), 0));
        }
        return history;
    }

    /** Runs the client's script from {@code step}: each operation starts when the one before it is over. */
    private static void run(History history, int c, XfsClient client, List<String> script, int step) {
        if (step == script.size()) {
            return;
        }
        String op = script.get(step);
        long block = Long.parseLong(op.substring(1));
        if (op.charAt(0) == 'w') {
            int value = (c + 1) << 8 | (step + 1);
            byte[] data = new byte[BLOCK_BYTES];
            data[0] = (byte) (value >> 8);
            data[1] = (byte) value;
            int index = history.begin(c, true, block, value);
            client.write(block, data, () -> {
                history.end(index, value, false);
                run(history, c, client, script, step + 1);
            }, reason -> {
                history.end(index, value, true);
                run(history, c, client, script, step + 1);
            });
        } else {
            int index = history.begin(c, false, block, -1);
            client.read(block, BLOCK_BYTES, data -> {
                history.end(index, (data[0] & 0xff) << 8 | (data[1] & 0xff), false);
                run(history, c, client, script, step + 1);
            }, reason -> { // given up: over, with nothing read (where every operation must finish, a lost block)
                history.end(index, -1, true);
                run(history, c, client, script, step + 1);
            });
        }
    }
}
