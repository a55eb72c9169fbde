package org.asfast.xfs;

import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;

/**
 * An xFS client that, once started, writes blocks 0 to {@code live_prewritten_blocks} - 1 (block b filled with b + 1)
 * and then only serves the manager: a live peer whose memory the others read from, and whose process a test can kill
 * while it owns those blocks.
 */
public final class WritingClient implements Node {
    private final XfsClient client = new XfsClient();
    private long written;

    @Override
    public void start(NodeContext context) {
        client.start(context);
        int blocks = (int) context.parameter("live_prewritten_blocks");
        context.after(0, () -> {
            for (int b = 0; b < blocks; b++) {
                client.write(b, content(b, (int) context.parameter("block_bytes")), () -> written++);
            }
        });
    }

    /** What block {@code b} holds once written. */
    public static byte[] content(long b, int bytes) {
        byte[] data = new byte[bytes];
        java.util.Arrays.fill(data, (byte) (b + 1));
        return data;
    }

    @Override
    public void receive(int from, byte[] message) {
        client.receive(from, message);
    }
}
