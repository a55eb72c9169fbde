package org.asfast.live;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.RequestReply;

/** Nodes the live tests run: public, with no-argument constructors, so a node JVM can create them by name. */
final class Fixtures {
    private Fixtures() {
    }

    /** Records every datagram it gets; its test drives it and sends through its LiveNode. */
    public static final class Inbox implements Node {
        final List<byte[]> messages = new ArrayList<>();

        @Override
        public void start(NodeContext context) {
        }

        @Override
        public void receive(int from, byte[] message) {
            messages.add(message);
        }
    }

    /** Adds 1 to a count per call and replies with the count: a call executed twice would show in the replies. */
    public static final class Counter implements Node {
        private RequestReply rpc;
        private int count;

        @Override
        public void start(NodeContext context) {
            rpc = new RequestReply(context, 20_000_000, 25).serve((caller, request, reply) -> {
                count++;
                reply.send(ByteBuffer.allocate(4).putInt(count).array());
            });
        }

        @Override
        public void receive(int from, byte[] message) {
            rpc.receive(from, message);
        }
    }

    /** A RequestReply caller, driven by its test. */
    public static final class Caller implements Node {
        RequestReply rpc;
        final List<Integer> replies = new ArrayList<>();
        String failure;

        @Override
        public void start(NodeContext context) {
            rpc = new RequestReply(context, 20_000_000, 25);
        }

        @Override
        public void receive(int from, byte[] message) {
            rpc.receive(from, message);
        }

        void call(int server) {
            rpc.call(server, new byte[8], reply -> replies.add(ByteBuffer.wrap(reply).getInt()), message -> failure = message);
        }
    }

    /** A node whose start fails, as a misconfigured one would. */
    public static final class FailsToStart implements Node {
        @Override
        public void start(NodeContext context) {
            context.parameter("no_such_parameter");
        }

        @Override
        public void receive(int from, byte[] message) {
        }
    }
}
