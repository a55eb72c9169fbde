package org.asfast.xfs;

import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;

/** What every xFS node (and the central server and its clients) does with a datagram: decode it, ignoring a stray one, and handle the message. */
abstract class XfsNode implements Node {
    NodeContext context;

    @Override
    public void start(NodeContext context) {
        this.context = context;
        started();
    }

    /** After {@link #start}: the node's own set-up. */
    void started() {
    }

    @Override
    public final void receive(int from, byte[] bytes) {
        Message m = Message.decode(bytes);
        if (m != null) {
            handle(from, m);
        }
    }

    abstract void handle(int from, Message m);

    /** The coherence state machine's work for one message. */
    void chargeHandler() {
        context.work(Work.PROCEDURE, context.parameter("xfs_handler_instructions"));
    }

    void send(int to, Message m) {
        context.send(to, m.encode());
    }
}
