package org.asfast.xfs;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.asfast.nodes.Storage;
import org.asfast.xfs.Message.Kind;

/**
 * An xFS storage server: one member of a stripe group, appending the fragments clients send it to its log on disk
 * and sending them, when a manager asks, straight to the client that reads. Each log record names its stripe and
 * carries a checksum, and the index lives in memory: a server that starts reads its log back and indexes every record
 * up to the first that does not check (a write the crash cut short), so a whole group that reboots keeps what it
 * acknowledged. Then it rebuilds its share of every other stripe of its group (all of them on a new machine's empty
 * disk): it asks the other members what they hold, fetches their fragments of each stripe it lacks and recomputes
 * its own from them with the parity. Messages that come while it reads its log wait for the index.
 */
public final class StorageServer extends XfsNode {
    /** A log record's header: a mark, the data's CRC-32 and length, the stripe's block and version. */
    static final int RECORD_HEADER = 4 + 4 + 4 + 8 + 8;
    private static final int MARK = 0x78465331; // "xFS1"
    /** The most log a start reads back in one go; a longer one (no run here comes near) is rebuilt from the group instead. */
    private static final long MOST_TO_READ = 256L << 20;
    private Layout layout;
    private Storage log;
    private long end;
    /** Messages that came before the log was read back, in order; null once it has been. */
    private java.util.ArrayList<Runnable> beforeIndex = new java.util.ArrayList<>();
    private long recovered;
    private final TreeMap<Key, Extent> index = new TreeMap<>();
    private final TreeSet<Integer> inventoryPending = new TreeSet<>();
    private final TreeSet<Key> toRebuild = new TreeSet<>();
    private final Map<Key, byte[][]> gathering = new HashMap<>();
    private long rebuilt;

    /** A stripe: one version of one block. */
    record Key(long block, long version) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(block, o.block);
            return c != 0 ? c : Long.compare(version, o.version);
        }
    }

    private record Extent(long offset, int length) {
    }

    @Override
    void started() {
        layout = Layout.of(context);
        this.log = context.storage("log");
        long size = log.size();
        if (size == 0 || size > MOST_TO_READ) {
            // Ask the group after every node has started (a simulated cluster adds its nodes one by one).
            context.after(0, () -> indexed(0));
        } else {
            log.read(0, (int) size, this::readBack);
        }
    }

    /** Indexes the log's records in order, up to the first that does not check; appends go after it. */
    private void readBack(byte[] bytes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        int at = 0;
        while (bytes.length - at >= RECORD_HEADER) {
            b.position(at);
            int mark = b.getInt();
            int crc = b.getInt();
            int length = b.getInt();
            long block = b.getLong();
            long version = b.getLong();
            if (mark != MARK || length < 0 || length > bytes.length - at - RECORD_HEADER || crc != crc(bytes, at + RECORD_HEADER, length)) {
                break;
            }
            index.put(new Key(block, version), new Extent(at + RECORD_HEADER, length));
            at += RECORD_HEADER + length;
        }
        recovered = index.size();
        indexed(at);
    }

    private void indexed(long logEnd) {
        end = logEnd;
        java.util.List<Runnable> waiting = beforeIndex;
        beforeIndex = null;
        askGroup();
        waiting.forEach(Runnable::run);
    }

    private static int crc(byte[] bytes, int from, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    private int group() {
        return layout.groupOfServer(context.self());
    }

    private void askGroup() {
        for (int i = 0; i < layout.width(); i++) {
            int peer = layout.member(group(), i);
            if (peer != context.self()) {
                inventoryPending.add(peer);
                send(peer, Message.of(Kind.INVENTORY, -1, 0, 0, context.self(), 0, 0));
            }
        }
    }

    @Override
    void handle(int from, Message m) {
        chargeHandler();
        if (beforeIndex != null) {
            beforeIndex.add(() -> serve(from, m));
            return;
        }
        serve(from, m);
    }

    private void serve(int from, Message m) {
        switch (m.kind()) {
            case STORE -> append(key(m), m.data(), () ->
                    send(from, Message.of(Kind.STORED, m.block(), m.request(), 0, 0, 0, m.index())));
            case FETCH -> readFragment(key(m), data ->
                    send(m.node(), new Message(Kind.FRAGMENT, m.block(), m.request(), m.txn(), context.self(), m.version(), mine(), data)));
            case INVENTORY -> {
                for (Key k : index.keySet()) {
                    send(from, Message.of(Kind.INVENTORY_ENTRY, k.block(), 0, 0, context.self(), k.version(), mine()));
                }
                send(from, Message.of(Kind.INVENTORY_ENTRY, -1, 0, 0, context.self(), 0, -1));
            }
            case INVENTORY_ENTRY -> {
                if (m.index() < 0) {
                    inventoryPending.remove(from);
                    if (inventoryPending.isEmpty()) {
                        rebuildAll();
                    }
                } else if (!index.containsKey(key(m))) {
                    toRebuild.add(key(m));
                }
            }
            case FRAGMENT_REQUEST -> readFragment(key(m), data ->
                    send(from, new Message(Kind.FRAGMENT, m.block(), 0, 0, context.self(), m.version(), mine(), data)));
            case FRAGMENT -> {
                Key key = key(m);
                byte[][] fragments = gathering.get(key);
                if (fragments != null && m.index() >= 0 && m.index() < fragments.length && m.index() != mine()) {
                    fragments[m.index()] = m.data();
                    long have = java.util.Arrays.stream(fragments).filter(f -> f != null).count();
                    if (have == layout.width() - 1) {
                        gathering.remove(key);
                        append(key, Stripes.rebuild(fragments, mine()), () -> rebuilt++);
                    }
                }
            }
            default -> {
                // not a storage server's message
            }
        }
    }

    /** The stripe a message about a block's version concerns (only such kinds carry both). */
    private static Key key(Message m) {
        return new Key(m.block(), m.version());
    }

    /** This server's fragment index in its group's stripes. */
    private int mine() {
        return layout.indexInGroup(context.self());
    }

    private void append(Key key, byte[] data, Runnable done) {
        long at = end;
        end += RECORD_HEADER + data.length;
        byte[] record = java.nio.ByteBuffer.allocate(RECORD_HEADER + data.length).putInt(MARK).putInt(crc(data, 0, data.length)).putInt(data.length)
                .putLong(key.block()).putLong(key.version()).put(data).array();
        log.write(at, record, true, () -> {
            index.put(key, new Extent(at + RECORD_HEADER, data.length));
            done.run();
        });
    }

    private void readFragment(Key key, java.util.function.Consumer<byte[]> send) {
        Extent e = index.get(key);
        if (e != null) { // a fragment this server lost is rebuilt by the reader from the others
            log.read(e.offset(), e.length(), send);
        }
    }

    private void rebuildAll() {
        for (Key key : toRebuild) {
            if (!index.containsKey(key)) {
                gathering.put(key, new byte[layout.width()][]);
                for (int i = 0; i < layout.width(); i++) {
                    int peer = layout.member(group(), i);
                    if (peer != context.self()) {
                        send(peer, Message.of(Kind.FRAGMENT_REQUEST, key.block(), 0, 0, context.self(), key.version(), i));
                    }
                }
            }
        }
        toRebuild.clear();
    }

    /** Stripes this server found in its own log when it started. */
    public long recovered() {
        return recovered;
    }

    /** Fragments rebuilt from the group's other members since this server started. */
    public long rebuilt() {
        return rebuilt;
    }

    /** Stripes whose fragment this server holds. */
    public int fragments() {
        return index.size();
    }
}
