package org.asfast.xfs;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.systems.Charges;
import org.asfast.xfs.Message.Kind;

/**
 * A client of the {@link CentralServer} (node 0): the same vnode layer and cache as an xFS client, but every miss and
 * every write goes to the one server.
 */
public final class CentralClient implements Node, FileClient {
    private NodeContext context;
    private long nextRequest = 1;
    private final Map<Long, byte[]> cache = new HashMap<>();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean busy;
    private long request;
    private long block;
    private int readBytes;
    private Consumer<byte[]> readDone;
    private byte[] writeData;
    private Runnable writeDone;

    @Override
    public void start(NodeContext context) {
        this.context = context;
    }

    @Override
    public NodeContext context() {
        return context;
    }

    @Override
    public void read(long block, int bytes, Consumer<byte[]> done) {
        submit(() -> {
            context.work(Work.KERNEL_CALL, context.parameter("vnode_read_instructions"));
            byte[] copy = cache.get(block);
            if (copy != null) {
                complete(copy, bytes, done);
                return;
            }
            begin(block);
            readBytes = bytes;
            readDone = done;
            context.send(0, Message.of(Kind.READ_MISS, block, request, 0, context.self(), 0, 0).encode());
        });
    }

    @Override
    public void write(long block, byte[] data, Runnable done) {
        submit(() -> {
            context.work(Work.KERNEL_CALL, context.parameter("vnode_read_instructions"));
            begin(block);
            writeData = data.clone();
            writeDone = done;
            context.send(0, new Message(Kind.STORE, block, request, 0, context.self(), 0, 0, writeData).encode());
        });
    }

    private void begin(long block) {
        this.block = block;
        this.request = nextRequest++;
        readDone = null;
        writeDone = null;
    }

    private void submit(Runnable op) {
        queue.add(op);
        if (!busy) {
            next();
        }
    }

    private void next() {
        Runnable op = queue.poll();
        busy = op != null;
        if (op != null) {
            op.run();
        }
    }

    private void complete(byte[] data, int bytes, Consumer<byte[]> done) {
        Charges.copy(context, Work.PROCEDURE, bytes);
        done.accept(Arrays.copyOf(data, bytes));
        next();
    }

    @Override
    public void receive(int from, byte[] bytes) {
        Message m = Message.decode(bytes);
        if (m == null) {
            return;
        }
        context.work(Work.PROCEDURE, context.parameter("xfs_handler_instructions"));
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
