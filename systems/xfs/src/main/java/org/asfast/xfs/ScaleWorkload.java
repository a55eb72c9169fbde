package org.asfast.xfs;

import java.util.Arrays;

/**
 * The scaling run's client: it makes {@code scale_operations} block operations one after another, each on a block
 * drawn at random from files of {@code scale_blocks_per_client} blocks per client (so clients often read what another
 * read before), one in {@code 100 / scale_write_percent} a whole-block write and the rest whole-block reads, thinking
 * a random 0.5 to 1.5 times {@code scale_think_ms} between them. It notes each operation's latency.
 */
final class ScaleWorkload {
    private final FileClient client;
    private final int clients;
    private int left;
    private long latencyNanos;
    private long operations;
    private boolean done;

    ScaleWorkload(FileClient client, int clients) {
        this.client = client;
        this.clients = clients;
    }

    /** Starts the first operation after a random part of one think time (clients do not start in step). */
    void start() {
        left = (int) client.context().parameter("scale_operations");
        client.context().after(think(), this::next);
    }

    private long think() {
        return Math.round(client.context().parameter("scale_think_ms") * 1e6 * (0.5 + client.context().random().nextDouble()));
    }

    private void next() {
        if (left-- == 0) {
            done = true;
            return;
        }
        var c = client.context();
        long block = c.random().nextLong((long) (c.parameter("scale_blocks_per_client") * clients));
        boolean write = c.random().nextDouble() * 100 < c.parameter("scale_write_percent");
        long start = c.nanos();
        Runnable finished = () -> {
            latencyNanos += c.nanos() - start;
            operations++;
            c.after(think(), this::next);
        };
        int blockBytes = (int) c.parameter("block_bytes");
        if (write) {
            byte[] data = new byte[blockBytes];
            Arrays.fill(data, (byte) c.self());
            client.write(block, data, finished);
        } else {
            client.read(block, blockBytes, bytes -> finished.run());
        }
    }

    boolean done() {
        return done;
    }

    long operations() {
        return operations;
    }

    long latencyNanos() {
        return latencyNanos;
    }
}
