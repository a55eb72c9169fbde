package org.asfast.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.asfast.check.ControlledNetwork;
import org.asfast.check.ControlledNetwork.Crash;
import org.asfast.check.Scenario;
import org.asfast.nodes.Node;
import org.asfast.xfs.Layout;
import org.asfast.xfs.Message;
import org.asfast.xfs.StorageServer;
import org.asfast.xfs.XfsClient;
import org.asfast.xfs.XfsManager;
import org.asfast.xfs.XfsSimulated;

/**
 * xFS's coherence and storage: one manager, a stripe group of storage servers, and clients that each run a script of
 * whole-block writes and reads ({@code "w0 r0"}: write block 0, then read it). In every state at most one client
 * holds the right to write a block, and a read returns the last write acknowledged before it began, or one that
 * overlapped it (a block never written reads as zeros). When a storage server may fail (it stops for good, once),
 * every read a client began must still finish once nothing more can happen: no acknowledged block is lost.
 *
 * <p>The manager counts a client that stays silent for {@code xfs_timeout_ms} as crashed. With
 * {@code timeoutsLongerThanDelays} that timeout fires only when no datagram is in flight, as when every message
 * arrives within the timeout; without it, it may fire while a live client's messages are still on their way.
 *
 * @param clientNode what runs on a client's machine around its XfsClient: the client itself, or, in a test, a
 *                   broken wrapper that should be caught
 */
public record XfsCoherence(List<String> scripts, int storageServers, boolean storageServerMayFail, boolean timeoutsLongerThanDelays,
                           Function<XfsClient, Node> clientNode) implements Scenario {
    private static final Map<List<Integer>, Map<String, Double>> PARAMETERS = new ConcurrentHashMap<>();

    /** Blocks this small hold the same protocol as 8 KB ones, with less to copy and hash. */
    static final int BLOCK_BYTES = 16;

    /** A write or read of a block by a client, over the logical time of the handlers. */
    private record Op(int client, boolean write, long block, int value, long invoked, long returned) {
        @Override
        public String toString() {
            return "client " + client + (write ? " wrote " + name(value) + " to" : " read " + (returned < 0 ? "" : name(value) + " from"))
                    + " block " + block + (returned < 0 ? " (pending)" : "");
        }
    }

    static String name(int value) {
        return value == 0 ? "zeros" : "w" + (value >> 8) + "." + (value & 0xff);
    }

    private static final class History implements Invariants {
        final List<XfsClient> clients = new ArrayList<>();
        final List<Op> ops = new ArrayList<>();
        long clock;

        int begin(int client, boolean write, long block, int value) {
            ops.add(new Op(client, write, block, value, clock++, -1));
            return ops.size() - 1;
        }

        void end(int index, int value) {
            Op op = ops.get(index);
            ops.set(index, new Op(op.client, op.write, op.block, value, op.invoked, clock++));
        }

        @Override
        public String violation() {
            for (Op op : ops) {
                long block = op.block;
                long writers = clients.stream().filter(c -> c.writing(block)).count();
                if (writers > 1) {
                    return writers + " clients hold the right to write block " + block + " at once";
                }
            }
            for (Op read : ops) {
                if (!read.write && read.returned >= 0 && !allowed(read).contains(read.value)) {
                    return "client " + read.client + " read " + name(read.value) + " from block " + read.block + "; it may read only "
                            + allowed(read).stream().map(XfsCoherence::name).toList() + " (history: " + ops + ")";
                }
            }
            return null;
        }

        /** The last write acknowledged before the read began (zeros if none), and every write that overlapped it. */
        private List<Integer> allowed(Op read) {
            List<Integer> values = new ArrayList<>();
            Op last = null;
            for (Op w : ops) {
                if (w.write && w.block == read.block) {
                    if (w.returned >= 0 && w.returned < read.invoked) {
                        if (last == null || w.returned > last.returned) {
                            last = w;
                        }
                    } else if (w.invoked < read.returned) {
                        values.add(w.value);
                    }
                }
            }
            values.add(last == null ? 0 : last.value);
            return values;
        }

        @Override
        public String atEnd() {
            for (Op op : ops) {
                if (!op.write && op.returned < 0) {
                    return "client " + op.client + "'s read of block " + op.block + " never finished: the block is lost";
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
        Map<String, Double> parameters = PARAMETERS.computeIfAbsent(List.of(storageServers, scripts.size()), k -> XfsSimulated.parameters(1, storageServers, scripts.size())
                .with("xfs_stripe_width", storageServers).with("block_bytes", BLOCK_BYTES).numbers()); // read once: a search builds thousands of times
        if (timeoutsLongerThanDelays) {
            network.timeoutsWhenQuiet();
        }
        Layout layout = new Layout(1, storageServers, storageServers, scripts.size());
        History history = new History();
        network.add(new XfsManager(), parameters);
        for (int i = 0; i < storageServers; i++) {
            network.add(StorageServer::new, parameters, storageServerMayFail ? Crash.STOPS : Crash.NEVER);
        }
        for (int i = 0; i < scripts.size(); i++) {
            XfsClient client = new XfsClient();
            history.clients.add(client);
            network.add(clientNode.apply(client), parameters);
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
                history.end(index, value);
                run(history, c, client, script, step + 1);
            });
        } else {
            int index = history.begin(c, false, block, -1);
            client.read(block, BLOCK_BYTES, data -> {
                history.end(index, (data[0] & 0xff) << 8 | (data[1] & 0xff));
                run(history, c, client, script, step + 1);
            });
        }
    }
}
