package org.asfast.xfs;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.asfast.xfs.Message.Kind;

/**
 * A client of the {@link CentralServer} (node 0): the same vnode layer and cache as an xFS client, but every miss and
 * every write goes to the one server.
 */
public final class CentralClient extends ClientNode {
    private long nextRequest = 1;
    private final Map<Long, byte[]> cache = new HashMap<>();
    private long request;
    private long block;
    private int readBytes;
    private Consumer<byte[]> readDone;
    private byte[] writeData;
    private Runnable writeDone;

    @Override
    public void read(long block, int bytes, Consumer<byte[]> done) {
        submit(() -> {
            vnode();
            byte[] copy = cache.get(block);
            if (copy != null) {
                complete(copy, bytes, done);
                return;
            }
            begin(block);
            readBytes = bytes;
            readDone = done;
            send(0, Message.of(Kind.READ_MISS, block, request, 0, context.self(), 0, 0));
        });
    }

    @Override
    public void write(long block, byte[] data, Runnable done) {
        submit(() -> {
            vnode();
            begin(block);
            writeData = data.clone();
            writeDone = done;
            send(0, new Message(Kind.STORE, block, request, 0, context.self(), 0, 0, writeData));
        });
    }

    private void begin(long block) {
        this.block = block;
        this.request = nextRequest++;
        readDone = null;
        writeDone = null;
    }

    @Override
    void handle(int from, Message m) {
        chargeHandler();
        switch (m.kind()) {
            case DATA -> {
                if (readDone != null && m.request() == request && m.block() == block) {
                    Consumer<byte[]> done = readDone;
                    readDone = null;
                    cache.put(block, m.data());
                    complete(m.data(), readBytes, done);
                }
            }
            case STORED -> {
                if (writeDone != null && m.request() == request && m.block() == block) {
                    Runnable done = writeDone;
                    writeDone = null;
                    cache.put(block, writeData);
                    done.run();
                    next();
                }
            }
            case INVALIDATE -> cache.remove(m.block());
            default -> {
                // not a central client's message
            }
        }
    }
}
