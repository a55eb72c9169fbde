package org.asfast.checks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.asfast.check.ControlledNetwork;
import org.asfast.check.ControlledNetwork.Crash;
import org.asfast.check.Scenario;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.RequestReply;

/**
 * The at-most-once RPC ({@link RequestReply}): node 0 serves, nodes 1..n each make their calls one after another.
 * In every state: each call has executed at most once on the server (per server incarnation when the server may
 * restart: RequestReply keeps its reply cache in memory and says a call in flight across a restart may run twice),
 * every completed call got its own reply (the server's answer to that very request), and no call completed twice.
 *
 * @param server makes the server node that runs the given service for each request it executes (the real one is
 *               {@link Server}; a test passes a broken one to show the checker finds the break)
 */
public record AtMostOnceRpc(int clients, int callsEach, Crash serverCrash, boolean oncePerIncarnation,
                            Function<RequestReply.Service, Node> server) implements Scenario {
    /** Long enough that the search decides when a retransmission happens; the value itself is not checked. */
    static final long RETRANSMIT_NANOS = 10_000_000;
    /** The first send and one retransmission. */
    static final int ATTEMPTS = 2;

    /** The real server: one RequestReply, which filters duplicates, serving the service. */
    public static final class Server implements Node {
        private final RequestReply.Service service;
        private RequestReply rpc;

        public Server(RequestReply.Service service) {
            this.service = service;
        }

        @Override
        public void start(NodeContext context) {
            rpc = new RequestReply(context, RETRANSMIT_NANOS, ATTEMPTS).serve(service);
        }

        @Override
        public void receive(int from, byte[] message) {
            rpc.receive(from, message);
        }
    }

    /** A client that makes its calls to node 0 one after another and tells the ledger how each ended. */
    private static final class Client implements Node {
        private final Ledger ledger;
        private final int calls;
        private RequestReply rpc;
        private int made;

        Client(Ledger ledger, int calls) {
            this.ledger = ledger;
            this.calls = calls;
        }

        @Override
        public void start(NodeContext context) {
            rpc = new RequestReply(context, RETRANSMIT_NANOS, ATTEMPTS);
            callNext(context.self());
        }

        private void callNext(int self) {
            if (made == calls) {
                return;
            }
            String call = "c" + self + "#" + ++made;
            rpc.call(0, call.getBytes(StandardCharsets.UTF_8), reply -> {
                ledger.completed(call, new String(reply, StandardCharsets.UTF_8));
                callNext(self);
            }, error -> {
                ledger.failed(call);
                callNext(self);
            });
        }

        @Override
        public void receive(int from, byte[] message) {
            rpc.receive(from, message);
        }
    }

    /** What happened to each call, kept outside the nodes so that it survives the server's crash (SpriteRpc keeps one too). */
    static final class Ledger implements Invariants {
        final ControlledNetwork network;
        final boolean oncePerIncarnation;
        /** Call to the server incarnations (crash counts) it executed in, in order. */
        final Map<String, List<Integer>> executions = new TreeMap<>();
        /** Call to how it ended: the reply it got, or "failed"; a second ending is a violation. */
        final Map<String, List<String>> endings = new TreeMap<>();

        final Function<byte[], String> describe;

        Ledger(ControlledNetwork network, boolean oncePerIncarnation, Function<byte[], String> describe) {
            this.network = network;
            this.oncePerIncarnation = oncePerIncarnation;
            this.describe = describe;
        }

        void executed(String call) {
            executions.computeIfAbsent(call, c -> new ArrayList<>()).add(network.crashes(0));
        }

        void completed(String call, String reply) {
            endings.computeIfAbsent(call, c -> new ArrayList<>()).add(reply);
        }

        void failed(String call) {
            endings.computeIfAbsent(call, c -> new ArrayList<>()).add("failed");
        }

        @Override
        public String violation() {
            for (var e : executions.entrySet()) {
                List<Integer> in = e.getValue();
                boolean twice = oncePerIncarnation ? in.stream().distinct().count() < in.size() : in.size() > 1;
                if (twice) {
                    return "call " + e.getKey() + " executed " + in.size() + " times on the server"
                            + (oncePerIncarnation ? " in one incarnation" : "") + " (at most once)";
                }
            }
            for (var e : endings.entrySet()) {
                if (e.getValue().size() > 1) {
                    return "call " + e.getKey() + " ended " + e.getValue().size() + " times: " + e.getValue();
                }
                String reply = e.getValue().getFirst();
                if (!reply.equals("failed") && !reply.equals(answer(e.getKey()))) {
                    return "call " + e.getKey() + " completed with '" + reply + "', not its own reply '" + answer(e.getKey()) + "'";
                }
            }
            return null;
        }

        @Override
        public String describe(byte[] message) {
            return describe.apply(message);
        }
    }

    static String answer(String call) {
        return "reply to " + call;
    }

    @Override
    public Invariants build(ControlledNetwork network) {
        Ledger ledger = new Ledger(network, oncePerIncarnation, AtMostOnceRpc::rpcDatagram);
        RequestReply.Service service = (caller, request, reply) -> {
            String call = new String(request, StandardCharsets.UTF_8);
            ledger.executed(call);
            reply.send(answer(call).getBytes(StandardCharsets.UTF_8));
        };
        network.add(() -> server.apply(service), Map.of(), serverCrash);
        for (int c = 0; c < clients; c++) {
            network.add(new Client(ledger, callsEach), Map.of());
        }
        return ledger;
    }

    /** RequestReply's wire format as a trace shows it: kind, caller incarnation, sequence number, body. */
    static String rpcDatagram(byte[] message) {
        ByteBuffer in = ByteBuffer.wrap(message);
        byte kind = in.get();
        long incarnation = in.getLong();
        long sequence = in.getLong();
        if (kind == 1) {
            long lowest = in.getLong();
            return "request seq " + sequence + " '" + text(message, 25) + "' (caller incarnation " + incarnation
                    + ", lowest unanswered " + lowest + ")";
        }
        return "reply seq " + sequence + " '" + text(message, 17) + "'";
    }

    private static String text(byte[] message, int from) {
        return new String(Arrays.copyOfRange(message, from, message.length), StandardCharsets.UTF_8);
    }
}
