package org.asfast.sprite;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;

/**
 * Sprite's file server as program invocation uses it (the program's open, with the name looked up on the server,
 * and its close), with the global migration daemon, a user-level process behind a pseudo-device (its requests are
 * the kernel's pseudo-device requests).
 */
public final class SpriteServers implements Node {
    private final SpriteKernel kernel = new SpriteKernel(this::serve);
    private NodeContext node;

    @Override
    public void start(NodeContext context) {
        node = context;
        kernel.start(context);
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    private void serve(int from, byte[] request, Consumer<byte[]> reply) {
        int op = ByteBuffer.wrap(request).getInt(0);
        switch (op) {
            case SpriteHost.OPEN -> node.work(Work.PROCEDURE, node.parameter("open_instructions"));
            case SpriteHost.CLOSE -> node.work(Work.PROCEDURE, node.parameter("close_instructions"));
            default -> throw new IllegalStateException("Sprite's file server got operation " + op);
        }
        reply.accept(new byte[64]);
    }
}
