package org.asfast.xfs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.asfast.xfs.Message.Kind;

/**
 * An xFS client: its users' reads and writes enter through the kernel's vnode layer; a block in its cache is read
 * there, a miss goes to the block's manager, and the block comes back from whoever the manager passed the request
 * to (another client's memory, or the fragments from the storage servers). A write asks the manager for ownership,
 * then stores the block as one stripe (data fragments and parity) on the storage servers of its group, and is
 * acknowledged when every fragment is on disk. The client also serves the manager: it forwards its copy of a block
 * to a reader, and drops a copy the manager invalidates.
 *
 * <p>One operation at a time, in the order its users asked (the single-threaded event loop the xFS authors
 * recommend); call {@link #read}, {@link #write}, {@link #evict} and {@link #ping} on the node's loop.
 */
public final class XfsClient extends ClientNode {
    private Layout layout;
    private long nextRequest = 1;
    private final Map<Long, Copy> cache = new HashMap<>();
    private Operation current;
    private long reads;
    private long peerReads;
    private long diskReads;

    /** A cached block: its bytes, its version and the manager's transaction it came with. */
    record Copy(byte[] data, long version, long txn) {
    }

    /** The operation in progress: what it waits for. */
    private static final class Operation {
        final long block;
        final long request;
        Consumer<byte[]> readDone;
        int readBytes;
        Runnable writeDone;
        byte[] writeData;
        byte[][] fragments;
        boolean[] stored;
        long version;
        long txn;
        int group;

        Operation(long block, long request) {
            this.block = block;
            this.request = request;
        }
    }

    @Override
    void started() {
        layout = Layout.of(context);
    }

    /** Reads the first {@code bytes} of {@code block}; {@code done} gets them. */
    @Override
    public void read(long block, int bytes, Consumer<byte[]> done) {
        submit(() -> {
            vnode();
            reads++;
            Copy copy = cache.get(block);
            if (copy != null) {
                complete(copy.data(), bytes, done);
                return;
            }
            current = new Operation(block, nextRequest++);
            current.readDone = done;
            current.readBytes = bytes;
            current.fragments = new byte[layout.width()][];
            send(layout.manager(block), Message.of(Kind.READ_MISS, block, current.request, 0, context.self(), 0, 0));
        });
    }

    /** Writes the whole of {@code block}; {@code done} runs when every fragment of its stripe is on disk. */
    @Override
    public void write(long block, byte[] data, Runnable done) {
        int blockBytes = (int) context.parameter("block_bytes");
        if (data.length != blockBytes) {
            throw new IllegalArgumentException("xFS writes whole blocks of " + blockBytes + " bytes, not " + data.length);
        }
        submit(() -> {
            vnode();
            current = new Operation(block, nextRequest++);
            current.writeDone = done;
            current.writeData = data.clone();
            send(layout.manager(block), Message.of(Kind.WRITE_REQUEST, block, current.request, 0, context.self(), 0, 0));
        });
    }

    /** Drops the client's copy of {@code block} and tells its manager. */
    public void evict(long block) {
        submit(() -> {
            Copy copy = cache.remove(block);
            if (copy != null) {
                send(layout.manager(block), Message.of(Kind.EVICT, block, 0, copy.txn(), context.self(), copy.version(), 0));
            }
            next();
        });
    }

    /** One user-to-user round trip to {@code peer}, the §6.2 figure. */
    public void ping(int peer, Runnable done) {
        submit(() -> {
            current = new Operation(-1, nextRequest++);
            current.writeDone = done;
            send(peer, Message.of(Kind.PING, -1, current.request, 0, context.self(), 0, 0));
        });
    }

    @Override
    void next() {
        current = null;
        super.next();
    }

    @Override
    void handle(int from, Message m) {
        if (m.kind() != Kind.PING && m.kind() != Kind.PONG) {
            chargeHandler(); // a round trip is Active Messages' alone, as §6.2 measured it
        }
        switch (m.kind()) {
            case PING -> send(from, Message.of(Kind.PONG, -1, m.request(), 0, context.self(), 0, 0));
            case PONG -> {
                if (current != null && current.request == m.request() && current.block == -1) {
                    Runnable done = current.writeDone;
                    done.run();
                    next();
                }
            }
            case FORWARD -> {
                Copy copy = cache.get(m.block());
                if (copy == null) {
                    send(from, Message.of(Kind.FORWARD_FAILED, m.block(), m.request(), m.txn(), m.node(), 0, 0));
                } else {
                    // The manager passed us the right to reply: the data goes straight to the reader.
                    send(m.node(), new Message(Kind.DATA, m.block(), m.request(), m.txn(), context.self(), copy.version(), 0, copy.data()));
                }
            }
            case DATA -> {
                if (reading(m)) {
                    peerReads += from >= layout.managers() ? 1 : 0;
                    cached(m.block(), m.data(), m.version(), m.txn());
                } else {
                    confirmLate(m);
                }
            }
            case FRAGMENT -> {
                if (reading(m) && m.index() >= 0 && m.index() < layout.width()) {
                    current.fragments[m.index()] = m.data();
                    int have = (int) Arrays.stream(current.fragments).filter(f -> f != null).count();
                    if (have >= layout.width() - 1) {
                        diskReads++;
                        cached(m.block(), Stripes.join(current.fragments, (int) context.parameter("block_bytes")), m.version(), m.txn());
                    }
                }
            }
            case INVALIDATE -> {
                cache.remove(m.block());
                send(from, Message.of(Kind.INVALIDATED, m.block(), 0, m.txn(), context.self(), m.version(), 0));
            }
            case GRANT -> {
                if (current == null || current.request != m.request()) {
                    // A grant for a request already served (the network duplicated it): give it back unused.
                    send(from, Message.of(Kind.WRITTEN, m.block(), m.request(), m.txn(), context.self(), m.version(), -1));
                } else if (current.writeData != null && current.fragments == null) {
                    current.version = m.version();
                    current.txn = m.txn();
                    current.group = m.index();
                    cache.put(m.block(), new Copy(current.writeData, m.version(), m.txn()));
                    current.fragments = Stripes.split(current.writeData, layout.width());
                    current.stored = new boolean[layout.width()];
                    for (int i = 0; i < layout.width(); i++) {
                        send(layout.member(current.group, i), new Message(Kind.STORE, m.block(), current.request, m.txn(), context.self(), m.version(), i, current.fragments[i]));
                    }
                }
            }
            case STORED -> {
                if (current != null && current.request == m.request() && current.stored != null && m.index() >= 0 && m.index() < current.stored.length) {
                    current.stored[m.index()] = true;
                    for (boolean s : current.stored) {
                        if (!s) {
                            return;
                        }
                    }
                    send(layout.manager(current.block), Message.of(Kind.WRITTEN, current.block, current.request, current.txn, context.self(), current.version, current.group));
                    Runnable done = current.writeDone;
                    done.run();
                    next();
                }
            }
            default -> {
                // not a client's message
            }
        }
    }

    private boolean reading(Message m) {
        return current != null && current.readDone != null && current.request == m.request() && current.block == m.block();
    }

    /** The read is over: cache the block, tell the manager, hand the bytes to the user. */
    private void cached(long block, byte[] data, long version, long txn) {
        cache.put(block, new Copy(data, version, txn));
        send(layout.manager(block), Message.of(Kind.READ_DONE, block, current.request, txn, context.self(), version, 0));
        complete(data, current.readBytes, current.readDone);
    }

    /** A copy that arrives again after a retried read: the manager waits to hear that we have it. */
    private void confirmLate(Message m) {
        Copy copy = cache.get(m.block());
        if (copy != null && copy.version() == m.version()) {
            cache.put(m.block(), new Copy(copy.data(), copy.version(), m.txn()));
            send(layout.manager(m.block()), Message.of(Kind.READ_DONE, m.block(), m.request(), m.txn(), context.self(), m.version(), 0));
        }
    }

    /** This node's clock (virtual in simulation). */
    public long now() {
        return context.nanos();
    }

    /** For checkers and tests: the version this client caches of a block (-1: none). */
    public long cachedVersion(long block) {
        Copy copy = cache.get(block);
        return copy == null ? -1 : copy.version();
    }

    /** True while this client holds the manager's write grant for an operation in progress. */
    public boolean writing(long block) {
        return current != null && current.block == block && current.writeData != null && current.fragments != null;
    }

    /** Reads so far: all of them, those served from a peer's memory, and those served by the storage servers' disks. */
    public long[] readCounts() {
        return new long[] {reads, peerReads, diskReads};
    }
}
