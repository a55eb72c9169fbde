package org.asfast.amoeba;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Amoeba's Bullet server (Douglis et al. §3.3; van Renesse et al. 1989): immutable files, each stored contiguously
 * on its disk and, whole, in its memory cache. A file is made with its data (create, then appends while it is not
 * committed, as b_create sends a large file in buffers of one transaction each); once committed it is written
 * through: its data in one contiguous write, then the disk block that holds its i-node, and only then is the
 * commit answered (Bullet's f_commit with the safety flag). Committed files are only read and destroyed; destroying
 * one writes its i-node's block again. A read the cache cannot serve reads the whole file from disk in one transfer.
 *
 * <p>The store ({@code bullet} storage: one contiguous file live) is a superblock, an i-node table and the data
 * area, files laid out first fit. After a crash the server reads the i-node table back; uncommitted files, which
 * lived in memory only, are gone, as in Bullet.
 */
public final class BulletServer implements Node {
    static final byte CREATE = 1, APPEND = 2, READ = 3, SIZE = 4, DESTROY = 5, FREE = 6;
    static final byte OK = 0, NO_SPACE = 1, BAD_CAPABILITY = 2, BAD_ARGUMENT = 3;
    static final int BLOCK = 512;
    private static final int INODE_BYTES = 32;
    private static final int MAGIC = 0x42554c4c; // "BULL"

    private final AmoebaKernel kernel = new AmoebaKernel(this::serve);
    private NodeContext node;
    private Storage disk;
    private int inodes;
    private long dataStart;
    private long storeBytes;
    private long cacheBytes;
    private boolean ready;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

    /** i-node number to committed file (number 0 is never used, as in Bullet). */
    private final Map<Integer, Inode> table = new HashMap<>();
    /** Files being made, in memory only until their commit. */
    private final Map<Integer, Uncommitted> uncommitted = new HashMap<>();
    /** Whole files in memory, least recently used first. */
    private final LinkedHashMap<Integer, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cached;
    /** Free extents of the data area: offset to length. */
    private final TreeMap<Long, Long> free = new TreeMap<>();

    private record Inode(long check, long offset, int size) {
    }

    private static final class Uncommitted {
        final long check;
        byte[] data;

        Uncommitted(long check, byte[] data) {
            this.check = check;
            this.data = data;
        }
    }

    @Override
    public void start(NodeContext context) {
        node = context;
        kernel.start(context);
        inodes = (int) node.parameter("bullet_inodes");
        storeBytes = Math.round(node.parameter("bullet_store_mb") * (1 << 20));
        cacheBytes = Math.round(node.parameter("bullet_cache_mb") * (1 << 20));
        dataStart = BLOCK + (long) Math.ceilDiv(inodes * INODE_BYTES, BLOCK) * BLOCK;
        if (dataStart >= storeBytes) {
            throw new IllegalStateException("a Bullet store of " + storeBytes + " bytes has no room for data after its " + inodes + " i-nodes");
        }
        disk = node.storage("bullet");
        if (disk.size() == 0) {
            byte[] superblock = ByteBuffer.allocate(BLOCK).putInt(MAGIC).putInt(inodes).putLong(storeBytes).array();
            disk.write(0, superblock, true, this::becomeReady);
            free.put(dataStart, storeBytes - dataStart);
        } else {
            disk.read(0, (int) dataStart, this::recover);
        }
    }

    /** Reads the i-node table back after a restart; the free extents are what no committed file holds. */
    private void recover(byte[] header) {
        ByteBuffer in = ByteBuffer.wrap(header);
        if (in.getInt() != MAGIC || in.getInt() != inodes || in.getLong() != storeBytes) {
            throw new IllegalStateException("the Bullet store is not one of this server's (other i-nodes or size); start with an empty one");
        }
        long at = dataStart;
        TreeMap<Long, Integer> used = new TreeMap<>();
        for (int i = 1; i < inodes; i++) {
            ByteBuffer entry = ByteBuffer.wrap(header, BLOCK + i * INODE_BYTES, INODE_BYTES);
            long check = entry.getLong();
            long offset = entry.getLong();
            int size = entry.getInt();
            if (check != 0) {
                table.put(i, new Inode(check, offset, size));
                used.put(offset, size);
            }
        }
        for (Map.Entry<Long, Integer> e : used.entrySet()) {
            if (e.getKey() > at) {
                free.put(at, e.getKey() - at);
            }
            at = Math.max(at, e.getKey() + e.getValue());
        }
        if (at < storeBytes) {
            free.put(at, storeBytes - at);
        }
        becomeReady();
    }

    private void becomeReady() {
        ready = true;
        while (!waiting.isEmpty()) {
            waiting.poll().run();
        }
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    /** Committed files the server holds. */
    int files() {
        return table.size();
    }

    private void serve(int client, byte[] request, Consumer<byte[]> reply) {
        if (!ready) {
            waiting.add(() -> serve(client, request, reply)); // still reading its i-nodes after a restart
            return;
        }
        node.work(Work.PROCEDURE, node.parameter("bullet_request_instructions"));
        ByteBuffer in = ByteBuffer.wrap(request);
        byte op = in.get();
        switch (op) {
            case CREATE -> create(in, reply);
            case APPEND -> append(in, reply);
            case READ -> read(in, reply);
            case SIZE -> {
                Inode inode = committed(in);
                reply.accept(inode == null ? status(BAD_CAPABILITY) : ByteBuffer.allocate(9).put(OK).putLong(inode.size).array());
            }
            case DESTROY -> destroy(in, reply);
            case FREE -> reply.accept(ByteBuffer.allocate(9).put(OK).putLong(freeBytes()).array());
            default -> reply.accept(status(BAD_ARGUMENT));
        }
    }

    private static byte[] status(byte status) {
        return new byte[] {status};
    }

    private static byte[] capability(int number, long check) {
        return ByteBuffer.allocate(13).put(OK).putInt(number).putLong(check).array();
    }

    private long freeBytes() {
        return free.values().stream().mapToLong(Long::longValue).sum();
    }

    private void create(ByteBuffer in, Consumer<byte[]> reply) {
        boolean commit = in.get() == 1;
        int number = freeInode();
        if (number < 0) {
            reply.accept(status(NO_SPACE));
            return;
        }
        long check = node.random().nextLong() | 1; // the capability's check field; never 0, which marks a free i-node
        byte[] data = rest(in);
        Uncommitted file = new Uncommitted(check, data);
        uncommitted.put(number, file);
        finish(number, file, commit, reply);
    }

    private void append(ByteBuffer in, Consumer<byte[]> reply) {
        int number = in.getInt();
        long check = in.getLong();
        boolean commit = in.get() == 1;
        Uncommitted file = uncommitted.get(number);
        if (file == null || file.check != check) {
            reply.accept(status(BAD_CAPABILITY));
            return;
        }
        byte[] more = rest(in);
        byte[] grown = java.util.Arrays.copyOf(file.data, file.data.length + more.length);
        System.arraycopy(more, 0, grown, file.data.length, more.length);
        file.data = grown;
        finish(number, file, commit, reply);
    }

    /** The request's data, moved into the cache's memory. */
    private byte[] rest(ByteBuffer in) {
        byte[] data = new byte[in.remaining()];
        in.get(data);
        Charges.copy(node, Work.PROCEDURE, data.length);
        return data;
    }

    /** Answers with the file's capability; on commit, after its data and its i-node are on disk. */
    private void finish(int number, Uncommitted file, boolean commit, Consumer<byte[]> reply) {
        if (!commit) {
            reply.accept(capability(number, file.check));
            return;
        }
        uncommitted.remove(number);
        long offset = allocate(file.data.length);
        if (offset < 0) {
            reply.accept(status(NO_SPACE));
            return;
        }
        Inode inode = new Inode(file.check, offset, file.data.length);
        table.put(number, inode);
        remember(number, file.data);
        Runnable writeInode = () -> writeInode(number, () -> reply.accept(capability(number, file.check)));
        if (file.data.length == 0) {
            writeInode.run();
        } else {
            disk.write(offset, file.data, true, writeInode);
        }
    }

    private void read(ByteBuffer in, Consumer<byte[]> reply) {
        Inode inode = committed(in);
        long offset = in.getLong();
        int length = in.getInt();
        if (inode == null || offset < 0 || length < 0) {
            reply.accept(status(inode == null ? BAD_CAPABILITY : BAD_ARGUMENT));
            return;
        }
        int number = in.getInt(1);
        byte[] whole = cache.get(number);
        Consumer<byte[]> answer = data -> {
            int from = (int) Math.min(offset, data.length);
            int n = Math.min(length, data.length - from);
            byte[] out = new byte[1 + n];
            out[0] = OK;
            System.arraycopy(data, from, out, 1, n);
            reply.accept(out);
        };
        if (whole != null) {
            answer.accept(whole);
        } else if (inode.size == 0) {
            answer.accept(new byte[0]);
        } else {
            disk.read(inode.offset, inode.size, data -> { // the whole file, contiguous, in one transfer
                remember(number, data);
                answer.accept(data);
            });
        }
    }

    private void destroy(ByteBuffer in, Consumer<byte[]> reply) {
        Inode inode = committed(in);
        if (inode == null) {
            reply.accept(status(BAD_CAPABILITY));
            return;
        }
        int number = in.getInt(1);
        table.remove(number);
        byte[] gone = cache.remove(number);
        cached -= gone == null ? 0 : gone.length;
        release(inode.offset, inode.size);
        writeInode(number, () -> reply.accept(status(OK)));
    }

    /** The committed file a request's capability names, or null if it names none. */
    private Inode committed(ByteBuffer in) {
        int number = in.getInt();
        long check = in.getLong();
        Inode inode = table.get(number);
        return inode != null && inode.check == check ? inode : null;
    }

    private int freeInode() {
        for (int i = 1; i < inodes; i++) {
            if (!table.containsKey(i) && !uncommitted.containsKey(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the disk block that holds i-node {@code number}, as Bullet's writeinode does, then runs {@code done}. */
    private void writeInode(int number, Runnable done) {
        int first = number * INODE_BYTES / BLOCK * BLOCK / INODE_BYTES;
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        for (int i = first; i < first + BLOCK / INODE_BYTES; i++) {
            Inode inode = table.get(i);
            ByteBuffer entry = block.slice((i - first) * INODE_BYTES, INODE_BYTES);
            if (inode != null) {
                entry.putLong(inode.check).putLong(inode.offset).putInt(inode.size);
            }
        }
        disk.write(BLOCK + (long) first * INODE_BYTES, block.array(), true, done);
    }

    /** First fit: the offset of a free extent of {@code bytes}, or -1 if none is large enough. */
    private long allocate(int bytes) {
        if (bytes == 0) {
            return dataStart;
        }
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            if (e.getValue() >= bytes) {
                free.remove(e.getKey());
                if (e.getValue() > bytes) {
                    free.put(e.getKey() + bytes, e.getValue() - bytes);
                }
                return e.getKey();
            }
        }
        return -1;
    }

    private void release(long offset, int bytes) {
        if (bytes == 0) {
            return;
        }
        long start = offset;
        long length = bytes;
        Map.Entry<Long, Long> before = free.floorEntry(offset);
        if (before != null && before.getKey() + before.getValue() == offset) {
            start = before.getKey();
            length += before.getValue();
            free.remove(before.getKey());
        }
        Long after = free.get(offset + bytes);
        if (after != null) {
            free.remove(offset + bytes);
            length += after;
        }
        free.put(start, length);
    }

    /** Keeps a whole file in the cache, evicting the least recently used ones beyond its size. */
    private void remember(int number, byte[] data) {
        if (data.length > cacheBytes) {
            return;
        }
        cache.put(number, data);
        cached += data.length;
        List<Integer> evict = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> e : cache.entrySet()) {
            if (cached <= cacheBytes) {
                break;
            }
            evict.add(e.getKey());
            cached -= e.getValue().length;
        }
        evict.forEach(cache::remove);
    }
}
