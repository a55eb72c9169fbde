package org.asfast.live;

import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;

/**
 * The live runtime's own null server: answers every datagram at once, with no protocol of its own, so that a round
 * trip to it is the runtime's cost alone (sockets, loop, JVM), the figure set against a C ping-pong.
 *
 * <p>A request's first 4 bytes (big-endian) say how long the reply is: 0 (or a request shorter than 4 bytes)
 * echoes the request itself; n &gt; 0 replies with n bytes. So an 8-byte request of 0 is the null round trip, a
 * 16384-byte request of 8 moves 16 KB to the server, and an 8-byte request of 16384 moves 16 KB back.
 */
public final class EchoNode implements Node {
    private NodeContext context;
    private byte[] reply = new byte[0];

    @Override
    public void start(NodeContext context) {
        this.context = context;
    }

    @Override
    public void receive(int from, byte[] message) {
        int wanted = message.length < 4 ? 0
                : ((message[0] & 0xff) << 24) | ((message[1] & 0xff) << 16) | ((message[2] & 0xff) << 8) | (message[3] & 0xff);
        context.work(Work.REPLY, 0);
        if (wanted <= 0) {
            context.send(from, message);
            return;
        }
        if (reply.length != wanted) {
            reply = new byte[Math.min(wanted, LiveNode.MAX_MESSAGE)];
        }
        context.send(from, reply);
    }

    /** A request of {@code length} bytes asking for a reply of {@code replyLength} bytes (0: the request echoed). */
    public static byte[] request(int length, int replyLength) {
        byte[] request = new byte[Math.max(length, 4)];
        request[0] = (byte) (replyLength >>> 24);
        request[1] = (byte) (replyLength >>> 16);
        request[2] = (byte) (replyLength >>> 8);
        request[3] = (byte) replyLength;
        return request;
    }
}
