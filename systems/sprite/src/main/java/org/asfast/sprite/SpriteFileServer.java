package org.asfast.sprite;

import static org.asfast.sprite.SpriteFs.BLOCK;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Storage;
import org.asfast.nodes.Work;
import org.asfast.systems.Charges;

/**
 * A Sprite file server (Douglis et al. §3.3; Nelson et al. 1988; Welch 1990): name lookup and protection on the
 * server, a block cache in its memory in front of its disk, and the state that keeps clients' caches consistent.
 *
 * <ul>
 * <li>Every open and close comes here. A file gets a new version number each time it is opened for writing; a
 *     client whose cached blocks carry another version drops them.</li>
 * <li>The client that last wrote a file may hold its dirty blocks: when another client opens the file, the server
 *     first recalls them. When a file is open on two clients and one of them writes (write-sharing), the server
 *     turns caching off for it: every client writes its dirty blocks back and reads and writes through to here,
 *     until every client has closed it.</li>
 * <li>Blocks are written to disk when they are 30 seconds old, counting the time they spent dirty on a client;
 *     one that arrives older than that is on disk before the write is answered. A file's i-node goes with its
 *     blocks, 30 seconds after it is created, and at once (waited for) when it is deleted: Ousterhout §11's one
 *     disk write per create-delete.</li>
 * <li>A restarted server reads its i-nodes back, answers the clients' operations on handles of its last boot
 *     with "stale", and takes their reopens (Baker and Ousterhout 1990): they tell it which files they have open
 *     and which they hold dirty blocks of.</li>
 * </ul>
 *
 * Disk layout: i-node {@code id} is a record of {@link #RECORD} bytes at {@code id * RECORD} of storage
 * "inodes"; its blocks lie from {@code id * FILE_SPAN} of storage "data".
 */
public final class SpriteFileServer implements Node {
    static final int RECORD = 256;
    static final int MAX_PATH = RECORD - 32;
    static final long FILE_SPAN = 1L << 30;

    private final SpriteKernel kernel = new SpriteKernel(this::serve);
    private NodeContext node;
    private Storage inodes;
    private Storage data;
    private long delayNanos;
    private long diskBytes;
    private boolean loaded;
    private final List<Runnable> early = new ArrayList<>();
    private final Map<String, Inode> names = new HashMap<>();
    private final Map<Integer, Inode> byId = new TreeMap<>();
    private final Map<Integer, Integer> clientBoots = new HashMap<>();
    private long versions;
    /** The disk's blocks the files hold: each file's size in whole blocks (its i-node's record aside), kept as sizes change. */
    private long usedBlocks;

    /** A file or directory, with its cached blocks and who has it open. */
    private static final class Inode {
        final int id;
        final String path;
        final boolean directory;
        long size;
        long version;
        final Map<Integer, byte[]> blocks = new HashMap<>();
        /** When each dirty block was first written, on any machine. */
        final Map<Integer, Long> dirtySince = new HashMap<>();
        /** Per client: {readers, writers}. */
        final Map<Integer, int[]> openers = new TreeMap<>();
        int lastWriter = -1;
        boolean cacheable = true;

        Inode(int id, String path, boolean directory) {
            this.id = id;
            this.path = path;
            this.directory = directory;
        }

        boolean anyWriter() {
            return openers.values().stream().anyMatch(c -> c[1] > 0);
        }
    }

    @Override
    public void start(NodeContext context) {
        kernel.start(context);
        node = context;
        delayNanos = Math.round(node.parameter("delayed_write_s") * 1e9);
        diskBytes = Math.round(node.parameter("sprite_disk_mb") * (1 << 20));
        inodes = node.storage("inodes");
        data = node.storage("data");
        if (inodes.size() == 0) {
            loaded = true;
            return;
        }
        inodes.read(0, (int) inodes.size(), table -> {
            for (int at = 0; at + RECORD <= table.length; at += RECORD) {
                ByteBuffer r = ByteBuffer.wrap(table, at, RECORD);
                if (r.get() == 1) {
                    boolean directory = r.get() == 1;
                    long size = r.getLong();
                    long version = r.getLong();
                    byte[] path = new byte[r.getInt()];
                    r.get(path);
                    Inode f = new Inode(at / RECORD, new String(path, StandardCharsets.UTF_8), directory);
                    f.size = size;
                    f.version = version;
                    add(f);
                }
            }
            loaded = true;
            List<Runnable> waiting = List.copyOf(early);
            early.clear();
            waiting.forEach(Runnable::run);
        });
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    /** RPCs the server's kernel executed. */
    long executions() {
        return kernel.executions();
    }

    private void add(Inode f) {
        names.put(f.path, f);
        byId.put(f.id, f);
        versions = Math.max(versions, f.version);
        usedBlocks += blocksOf(f.size);
    }

    /** Gives {@code f} its new size, and the disk's room it takes or frees. */
    private void resize(Inode f, long size) {
        usedBlocks += blocksOf(size) - blocksOf(f.size);
        f.size = size;
    }

    /** Whether growing {@code f} to {@code size} bytes needs more blocks than the disk has free. */
    private boolean noRoom(Inode f, long size) {
        long more = blocksOf(size) - blocksOf(f.size);
        return more > 0 && (usedBlocks + more) * BLOCK > diskBytes;
    }

    private void serve(int from, byte[] request, Consumer<byte[]> reply) {
        if (!loaded) {
            early.add(() -> serve(from, request, reply)); // the i-nodes are still being read back
            return;
        }
        Integer knownBoot = clientBoots.put(from, kernel.booted(from));
        if (knownBoot != null && knownBoot != kernel.booted(from)) {
            forget(from); // the client rebooted: what it had open is closed, its dirty blocks are gone
        }
        SpriteFs.In in = new SpriteFs.In(request);
        int op = in.getInt();
        boolean current = in.getInt() == kernel.boot();
        if (!current && (op == SpriteFs.CLOSE || op == SpriteFs.READ || op == SpriteFs.WRITE)) {
            reply.accept(SpriteFs.reply(SpriteFs.STALE).bytes()); // a handle of the server's last boot: reopen first
            return;
        }
        switch (op) {
            case SpriteFs.OPEN -> open(from, in.getInt(), in.getString(), reply);
            case SpriteFs.CLOSE -> close(from, in.getInt(), in.getInt(), in.getLong(), reply);
            case SpriteFs.READ -> read(in.getInt(), in.getInt(), reply);
            case SpriteFs.WRITE -> write(in.getInt(), in.getInt(), in.getInt(), in.getLong(), in.rest(), reply);
            case SpriteFs.REMOVE -> remove(in.getString(), reply);
            case SpriteFs.MKDIR -> mkdir(in.getString(), reply);
            case SpriteFs.STAT -> stat(in.getString(), reply);
            case SpriteFs.REOPEN -> reopen(from, in, reply);
            case SpriteFs.FREE -> reply.accept(SpriteFs.reply(SpriteFs.OK).putLong(diskBytes - usedBlocks * BLOCK).bytes());
            default -> throw new IllegalStateException("unknown file system operation " + op + " from node " + from);
        }
    }

    /** The server's work on a name: the open path and one lookup per component (Sprite's, from the model), and the remote layer's. */
    private void chargeName(String path, double extra) {
        node.work(Work.KERNEL_CALL, node.parameter("open_instructions") + extra + SpriteFs.components(path) * node.parameter("lookup_instructions")
                + node.parameter("remote_open_instructions"));
    }

    /** The status of {@code path}'s directories: each must exist and be one. */
    private int parents(String path) {
        int slash = -1;
        while ((slash = path.indexOf('/', slash + 1)) >= 0) {
            Inode d = names.get(path.substring(0, slash));
            if (d == null) {
                return SpriteFs.NO_SUCH_FILE;
            }
            if (!d.directory) {
                return SpriteFs.NOT_A_DIRECTORY;
            }
        }
        return SpriteFs.OK;
    }

    private Inode create(String path, boolean directory) {
        int id = 1;
        while (byId.containsKey(id)) {
            id++; // the lowest free i-node, as a delete-then-create reuses it
        }
        Inode f = new Inode(id, path, directory);
        f.version = ++versions;
        add(f);
        node.after(delayNanos, () -> { // Sprite writes nothing when a file is created (Ousterhout §11): its i-node goes later
            if (byId.get(f.id) == f) {
                writeInode(f, false, () -> { });
            }
        });
        return f;
    }

    private void open(int client, int mode, String path, Consumer<byte[]> reply) {
        boolean creating = (mode & SpriteFs.CREATING) != 0;
        boolean writing = (mode & SpriteFs.WRITING) != 0;
        chargeName(path, creating ? node.parameter("create_extra_instructions") : 0);
        int status = parents(path);
        Inode found = names.get(path);
        if (status == SpriteFs.OK && found == null && !creating) {
            status = SpriteFs.NO_SUCH_FILE;
        }
        if (status == SpriteFs.OK && found != null && found.directory && writing) {
            status = SpriteFs.IS_A_DIRECTORY;
        }
        if (status != SpriteFs.OK) {
            reply.accept(SpriteFs.reply(status).bytes());
            return;
        }
        Inode f = found != null ? found : create(path, false);
        consistent(client, f, writing, () -> {
            long prior = f.version;
            if (writing) {
                f.version = ++versions;
                f.lastWriter = client;
            }
            if (creating && found != null) {
                resize(f, 0); // truncated
                f.blocks.clear();
                f.dirtySince.clear();
            }
            reply.accept(SpriteFs.reply(SpriteFs.OK).putInt(f.id).putLong(f.version).putLong(prior).putLong(f.size).putInt(f.cacheable ? 1 : 0).bytes());
        });
    }

    /**
     * Registers {@code client}'s open of {@code f} and makes every cache consistent with it: another client's dirty
     * blocks come back first; a file now open on two clients with a writer among them is cached by none.
     */
    private void consistent(int client, Inode f, boolean writing, Runnable then) {
        int[] counts = f.openers.computeIfAbsent(client, c -> new int[2]);
        counts[writing ? 1 : 0]++;
        boolean shared = f.openers.size() > 1 && f.anyWriter();
        List<Integer> recall = new ArrayList<>();
        if (shared && f.cacheable) {
            f.cacheable = false;
            f.openers.keySet().stream().filter(c -> c != client).forEach(recall::add);
            if (f.lastWriter >= 0 && f.lastWriter != client && !recall.contains(f.lastWriter)) {
                recall.add(f.lastWriter);
            }
        } else if (f.lastWriter >= 0 && f.lastWriter != client && f.cacheable) {
            recall.add(f.lastWriter);
        }
        boolean disable = !f.cacheable;
        recall(recall.iterator(), f, disable, () -> {
            if (recall.contains(f.lastWriter)) {
                f.lastWriter = -1;
            }
            then.run();
        });
    }

    /** Asks each client in turn to write its dirty blocks of {@code f} back (and, with {@code disable}, to stop caching it). */
    private void recall(Iterator<Integer> clients, Inode f, boolean disable, Runnable then) {
        if (!clients.hasNext()) {
            then.run();
            return;
        }
        int client = clients.next();
        byte[] request = SpriteFs.request(SpriteFs.RECALL, 0).putInt(f.id).putInt(disable ? 1 : 0).bytes();
        kernel.call(client, request, answer -> recall(clients, f, disable, then), why -> {
            forget(client); // it does not answer: it crashed, and its dirty blocks with it
            recall(clients, f, disable, then);
        });
    }

    private void forget(int client) {
        for (Inode f : byId.values()) {
            f.openers.remove(client);
            if (f.lastWriter == client) {
                f.lastWriter = -1;
            }
            if (f.openers.isEmpty()) {
                f.cacheable = true;
            }
        }
    }

    private void close(int client, int id, int mode, long size, Consumer<byte[]> reply) {
        node.work(Work.KERNEL_CALL, node.parameter("close_instructions") + node.parameter("remote_open_instructions"));
        Inode f = byId.get(id);
        int status = SpriteFs.OK;
        if (f != null) {
            int[] counts = f.openers.get(client);
            boolean writing = (mode & SpriteFs.WRITING) != 0;
            if (counts != null) {
                counts[writing ? 1 : 0] = Math.max(0, counts[writing ? 1 : 0] - 1);
                if (counts[0] + counts[1] == 0) {
                    f.openers.remove(client);
                }
            }
            if (writing && noRoom(f, size)) {
                status = SpriteFs.NO_SPACE; // the blocks the writer's cache holds would not fit on the disk
            } else if (writing && size > f.size) {
                resize(f, size); // the writer's cache knows the size of what it holds
            }
            if (f.openers.isEmpty()) {
                f.cacheable = true; // no longer shared: caching is allowed again from the next open
            }
        }
        reply.accept(SpriteFs.reply(status).bytes());
    }

    private void read(int id, int block, Consumer<byte[]> reply) {
        node.work(Work.KERNEL_CALL, node.parameter("cache_block_instructions"));
        Inode f = byId.get(id);
        if (f == null) {
            reply.accept(SpriteFs.reply(SpriteFs.NO_SUCH_FILE).bytes());
            return;
        }
        int valid = (int) Math.max(0, Math.min(BLOCK, f.size - (long) block * BLOCK));
        withBlock(f, block, b -> { // Sprite's RPC sends from scatter-gather buffers: the block leaves the cache uncopied
            reply.accept(SpriteFs.reply(SpriteFs.OK).putBytes(b, 0, valid).bytes());
        });
    }

    /** The block from the cache, or read from disk into it first; a block past the end is zeros. */
    private void withBlock(Inode f, int block, Consumer<byte[]> then) {
        byte[] cached = f.blocks.get(block);
        if (cached != null) {
            then.accept(cached);
            return;
        }
        if ((long) block * BLOCK >= f.size) {
            byte[] fresh = new byte[BLOCK];
            f.blocks.put(block, fresh);
            then.accept(fresh);
            return;
        }
        data.read(f.id * FILE_SPAN + (long) block * BLOCK, BLOCK, b -> {
            byte[] raced = f.blocks.putIfAbsent(block, b);
            then.accept(raced != null ? raced : b);
        });
    }

    private void write(int id, int block, int offset, long ageNanos, byte[] bytes, Consumer<byte[]> reply) {
        node.work(Work.KERNEL_CALL, node.parameter("cache_block_instructions"));
        Inode f = byId.get(id);
        if (f == null || offset < 0 || offset + bytes.length > BLOCK) {
            reply.accept(SpriteFs.reply(SpriteFs.NO_SUCH_FILE).bytes());
            return;
        }
        long end = (long) block * BLOCK + offset + bytes.length;
        if (noRoom(f, end)) { // a write past the end takes every block up to it (a sparse one many)
            reply.accept(SpriteFs.reply(SpriteFs.NO_SPACE).bytes());
            return;
        }
        // a write that takes new blocks starts past the end, so withBlock answers at once: no other write takes the room meanwhile
        withBlock(f, block, b -> {
            Charges.copy(node, Work.DATA_TRANSFER, bytes.length); // from the request into the cache
            System.arraycopy(bytes, 0, b, offset, bytes.length);
            resize(f, Math.max(f.size, end));
            long since = Math.min(f.dirtySince.getOrDefault(block, Long.MAX_VALUE), node.nanos() - ageNanos);
            f.dirtySince.put(block, since);
            long due = since + delayNanos - node.nanos();
            if (due <= 0) { // 30 seconds old already: on disk before the client hears that it is safe
                flush(f, block, since, () -> reply.accept(SpriteFs.reply(SpriteFs.OK).bytes()));
                return;
            }
            node.after(due, () -> flush(f, block, since, () -> { }));
            reply.accept(SpriteFs.reply(SpriteFs.OK).bytes());
        });
    }

    private static long blocksOf(long size) {
        return Math.ceilDiv(size, BLOCK);
    }

    /** Writes a dirty block and the file's i-node to disk, if the file still exists and the block was not written since. */
    private void flush(Inode f, int block, long since, Runnable then) {
        Long dirty = f.dirtySince.get(block);
        if (byId.get(f.id) != f || dirty == null || dirty != since) {
            then.run();
            return;
        }
        f.dirtySince.remove(block);
        byte[] copy = f.blocks.get(block).clone();
        data.write(f.id * FILE_SPAN + (long) block * BLOCK, copy, true, () -> writeInode(f, true, then));
    }

    private void writeInode(Inode f, boolean durable, Runnable then) {
        inodes.write((long) f.id * RECORD, record(f, true), durable, then);
    }

    private static byte[] record(Inode f, boolean used) {
        ByteBuffer r = ByteBuffer.allocate(RECORD);
        byte[] path = f.path.getBytes(StandardCharsets.UTF_8);
        r.put((byte) (used ? 1 : 0)).put((byte) (f.directory ? 1 : 0)).putLong(f.size).putLong(f.version).putInt(path.length).put(path);
        return r.array();
    }

    private void remove(String path, Consumer<byte[]> reply) {
        chargeName(path, node.parameter("delete_extra_instructions"));
        Inode f = names.get(path);
        if (f == null) {
            reply.accept(SpriteFs.reply(SpriteFs.NO_SUCH_FILE).bytes());
            return;
        }
        names.remove(path);
        byId.remove(f.id);
        usedBlocks -= blocksOf(f.size);
        f.blocks.clear();
        f.dirtySince.clear();
        // Ousterhout §11: "a single disk I/O ... to write out the file's i-node after it has been deleted"; a newer Sprite
        // file system (delete_sync_writes 0, a what-if) does not wait for it
        boolean waited = node.parameter("delete_sync_writes") > 0;
        inodes.write((long) f.id * RECORD, record(f, false), waited, () -> reply.accept(SpriteFs.reply(SpriteFs.OK).putInt(f.id).bytes()));
    }

    private void mkdir(String path, Consumer<byte[]> reply) {
        chargeName(path, node.parameter("create_extra_instructions"));
        int status = parents(path);
        if (status == SpriteFs.OK && names.containsKey(path)) {
            status = SpriteFs.EXISTS;
        }
        if (status == SpriteFs.OK) {
            create(path, true);
        }
        reply.accept(SpriteFs.reply(status).bytes());
    }

    private void stat(String path, Consumer<byte[]> reply) {
        chargeName(path, 0);
        Inode f = names.get(path);
        reply.accept(f == null ? SpriteFs.reply(SpriteFs.NO_SUCH_FILE).bytes() : SpriteFs.reply(SpriteFs.OK).putLong(f.size).bytes());
    }

    /**
     * A client tells a restarted server of a file it has open or holds dirty blocks of. A file the server lost
     * (created less than 30 seconds before the crash) is made again under its number, since the client holds its
     * data; one whose number now names another file is stale.
     */
    private void reopen(int client, SpriteFs.In in, Consumer<byte[]> reply) {
        node.work(Work.KERNEL_CALL, node.parameter("remote_open_instructions"));
        int id = in.getInt();
        int readers = in.getInt();
        int writers = in.getInt();
        boolean dirty = in.getInt() == 1;
        long version = in.getLong();
        long size = in.getLong();
        String path = in.getString();
        Inode f = byId.get(id);
        if (f == null && !names.containsKey(path) && parents(path) == SpriteFs.OK) {
            f = new Inode(id, path, false);
            f.version = version;
            add(f);
            Inode made = f;
            node.after(delayNanos, () -> {
                if (byId.get(made.id) == made) {
                    writeInode(made, false, () -> { });
                }
            });
        }
        if (f == null || !f.path.equals(path)) {
            reply.accept(SpriteFs.reply(SpriteFs.STALE).bytes());
            return;
        }
        if (readers + writers > 0) {
            int[] counts = f.openers.computeIfAbsent(client, c -> new int[2]);
            counts[0] += readers;
            counts[1] += writers;
        }
        if (dirty) {
            f.lastWriter = client;
            resize(f, Math.max(f.size, size));
        }
        versions = Math.max(versions, version);
        reply.accept(SpriteFs.reply(SpriteFs.OK).putLong(f.version).bytes());
    }
}
