package org.asfast.sprite;

import static org.asfast.sprite.SpriteFs.BLOCK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.systems.Charges;

/**
 * A Sprite client's kernel file system (Douglis et al. §3.3; Nelson et al. 1988): every open and close goes to
 * the file server; file data is cached in blocks of 4 Kbytes, and a written block stays in this machine's memory
 * until it is 30 seconds old, then goes back to the server. With caching off ("NOCACHE", or a file the server
 * found write-shared) every read and write goes to the server, a block at a time.
 *
 * <p>The server keeps the caches consistent: each open's answer carries the file's version, and cached blocks
 * of another version are dropped; the server may call back to have this machine's dirty blocks of a file written
 * back, and to stop caching it. When the server has rebooted, this kernel reopens every file it has open or
 * holds dirty blocks of before it goes on, and keeps those blocks.
 */
public final class SpriteFsClient implements Node {
    private final boolean caching;
    private final int server;
    private SpriteKernel kernel = new SpriteKernel(this::serve);
    private NodeContext node;
    private long delayNanos;
    /** How long a write-back the server refused waits before it is tried again (Sprite's FSUTIL_WRITE_RETRY_INTERVAL). */
    private long retryNanos;
    private int knownServerBoot;
    private boolean recovering;
    private final List<Runnable> afterRecovery = new ArrayList<>();
    private final Map<Integer, CachedFile> files = new HashMap<>();
    private final Map<Integer, Stream> streams = new HashMap<>();
    private int nextFd = 3;
    /** The write-backs scheduled and not yet begun, the soonest due first. */
    private final PriorityQueue<WriteBack> writeBacksDue = new PriorityQueue<>(java.util.Comparator.comparingLong(WriteBack::due));
    /** Since when the block of each write-back sent and not yet answered had been dirty (this machine's clock). */
    private final List<Long> writeBacksSent = new ArrayList<>();

    /** What an operation gives back, or why it failed (one line). */
    public interface Done<T> {
        void ok(T value);

        void fail(String reason);
    }

    private static final class CachedFile {
        final int id;
        String path;
        long version;
        long size;
        boolean cacheable;
        int readers;
        int writers;
        /** Why the server refused a delayed write of this file, told to the next call on it; null when nothing was. */
        String refused;
        final Map<Integer, Block> blocks = new TreeMap<>();

        CachedFile(int id) {
            this.id = id;
        }

        boolean dirty() {
            return blocks.values().stream().anyMatch(b -> b.dirtySince >= 0);
        }
    }

    private static final class Block {
        final byte[] data = new byte[BLOCK];
        /** When it was first written since it was last clean; -1 when clean. */
        long dirtySince = -1;
    }

    private record Stream(CachedFile file, int mode, long[] offset) {
    }

    /** A block to send at {@code due} (this machine's clock) if it is still the one dirty since {@code since}. */
    private record WriteBack(long due, CachedFile file, int index, Block block, long since) {
    }

    /** A client of the file server at address {@code server}, caching file data or not. */
    public SpriteFsClient(boolean caching, int server) {
        this.caching = caching;
        this.server = server;
    }

    @Override
    public void start(NodeContext context) {
        kernel.start(context);
        node = context;
        delayNanos = Math.round(node.parameter("delayed_write_s") * 1e9);
        retryNanos = Math.round(node.parameter("write_retry_s") * 1e9);
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    /**
     * This machine crashes and boots again in place (live, where the client is this JVM's): its memory (the cache,
     * dirty blocks, open files, the RPC channel) is lost; its kernel comes up with a new boot stamp.
     */
    void reboot() {
        files.clear();
        streams.clear();
        writeBacksDue.clear();
        writeBacksSent.clear();
        knownServerBoot = 0;
        recovering = false;
        afterRecovery.clear();
        kernel = new SpriteKernel(this::serve);
        kernel.start(node);
    }

    /** This machine's clock. */
    long nanos() {
        return node.nanos();
    }

    /** Runs {@code action} on this machine's kernel {@code nanos} from now (a test's fault). */
    void after(long nanos, Runnable action) {
        node.after(nanos, action);
    }

    /** Bytes written on this machine and not yet sent to the server. */
    public long dirtyBytes() {
        return files.values().stream().flatMap(f -> f.blocks.values().stream()).filter(b -> b.dirtySince >= 0).count() * BLOCK;
    }

    /**
     * When this machine next has a delayed write to send, on its clock: {@link Long#MIN_VALUE} while one is on its way
     * (the kernel must run for its answer), {@link Long#MAX_VALUE} when none is scheduled.
     */
    long nextWriteBack() {
        if (!writeBacksSent.isEmpty()) {
            return Long.MIN_VALUE;
        }
        WriteBack next;
        while ((next = writeBacksDue.peek()) != null && !stillDirty(next)) {
            writeBacksDue.poll(); // removed, or written back or again since: its timer will do nothing
        }
        return next == null ? Long.MAX_VALUE : next.due();
    }

    /**
     * How long past its due time the oldest write-back not yet answered is, in nanoseconds (on its way, or waiting to
     * be tried again); 0 when none is overdue. A block is due back {@code delayed_write_s} after it was first
     * dirtied; this is measured beside the crash bound, never part of it.
     */
    public long longestWriteBackOverdue() {
        java.util.stream.LongStream dirty = files.values().stream().flatMap(f -> f.blocks.values().stream()).mapToLong(b -> b.dirtySince).filter(t -> t >= 0);
        return java.util.stream.LongStream.concat(dirty, writeBacksSent.stream().mapToLong(Long::longValue))
                .map(since -> node.nanos() - since - delayNanos).max().orElse(0);
    }

    /** Retransmissions of this machine's kernel. */
    public long retransmissions() {
        return kernel.retransmissions();
    }

    /** Copies {@code bytes} through this machine's memory (a user's bcopy). */
    public void copy(long bytes, Done<Void> done) {
        Charges.copy(node, Work.DATA_TRANSFER, bytes);
        done.ok(null);
    }

    // ---- the kernel calls

    public void open(String path, int mode, Done<Integer> done) {
        Charges.trap(node);
        rpc(boot -> SpriteFs.request(SpriteFs.OPEN, boot).putInt(mode).putString(path).bytes(), in -> {
            if (!answered(in, path, done)) {
                return;
            }
            int id = in.getInt();
            long version = in.getLong();
            long prior = in.getLong();
            long size = in.getLong();
            boolean cacheable = caching && in.getInt() == 1;
            boolean writing = (mode & SpriteFs.WRITING) != 0;
            CachedFile f = files.computeIfAbsent(id, CachedFile::new);
            boolean valid = f.version == (writing ? prior : version) && (mode & SpriteFs.CREATING) == 0;
            f.path = path;
            Runnable opened = () -> {
                if (!valid || !cacheable) {
                    f.blocks.clear(); // another version's blocks, or blocks the server will not let us keep
                }
                f.size = valid && cacheable ? Math.max(f.size, size) : size;
                f.version = version;
                f.cacheable = cacheable;
                if (writing) {
                    f.writers++;
                } else {
                    f.readers++;
                }
                int fd = nextFd++;
                streams.put(fd, new Stream(f, mode, new long[1]));
                done.ok(fd);
            };
            if (!cacheable && valid && f.dirty()) {
                writeBack(f, opened); // this open made the file write-shared: our own dirty blocks go to the server first
            } else {
                opened.run();
            }
        }, done);
    }

    public void read(int fd, int bytes, Done<byte[]> done) {
        Charges.trap(node);
        node.work(Work.KERNEL_CALL, node.parameter("read_instructions"));
        Stream s = stream(fd);
        CachedFile f = s.file();
        if (toldRefusal(f, done)) {
            return;
        }
        byte[] out = new byte[bytes];
        if (f.cacheable) {
            int n = (int) Math.max(0, Math.min(bytes, f.size - s.offset()[0]));
            readCached(s, out, 0, n, done);
        } else {
            readThrough(s, out, 0, done);
        }
    }

    private void readCached(Stream s, byte[] out, int done, int n, Done<byte[]> result) {
        if (done == n) {
            result.ok(java.util.Arrays.copyOf(out, n));
            return;
        }
        CachedFile f = s.file();
        long at = s.offset()[0];
        int index = (int) (at / BLOCK);
        int within = (int) (at % BLOCK);
        int piece = Math.min(n - done, BLOCK - within);
        withBlock(f, index, block -> {
            node.work(Work.KERNEL_CALL, node.parameter("cache_block_instructions"));
            Charges.copy(node, Work.DATA_TRANSFER, piece); // from the cache to the user's buffer
            System.arraycopy(block.data, within, out, done, piece);
            s.offset()[0] += piece;
            readCached(s, out, done + piece, n, result);
        }, result);
    }

    /** Without caching: a block from the server per piece, until the request is met or the file ends. */
    private void readThrough(Stream s, byte[] out, int done, Done<byte[]> result) {
        if (done == out.length) {
            result.ok(out);
            return;
        }
        CachedFile f = s.file();
        long at = s.offset()[0];
        int index = (int) (at / BLOCK);
        int within = (int) (at % BLOCK);
        rpc(boot -> SpriteFs.request(SpriteFs.READ, boot).putInt(f.id).putInt(index).bytes(), in -> {
            if (!answered(in, f.path, result)) {
                return;
            }
            byte[] valid = in.rest();
            int piece = Math.max(0, Math.min(out.length - done, valid.length - within));
            Charges.copy(node, Work.DATA_TRANSFER, piece); // from the RPC buffer to the user's: Sprite's extra copy
            System.arraycopy(valid, within, out, done, piece);
            s.offset()[0] += piece;
            if (piece == 0 || within + piece < BLOCK && done + piece < out.length) {
                result.ok(java.util.Arrays.copyOf(out, done + piece)); // the end of the file
                return;
            }
            readThrough(s, out, done + piece, result);
        }, result);
    }

    /** A cached block, fetched from the server first if this machine does not have it. */
    private void withBlock(CachedFile f, int index, Consumer<Block> then, Done<?> failed) {
        Block cached = f.blocks.get(index);
        if (cached != null) {
            then.accept(cached);
            return;
        }
        if ((long) index * BLOCK >= f.size) {
            Block fresh = new Block();
            f.blocks.put(index, fresh);
            then.accept(fresh);
            return;
        }
        rpc(boot -> SpriteFs.request(SpriteFs.READ, boot).putInt(f.id).putInt(index).bytes(), in -> {
            if (!answered(in, f.path, failed)) {
                return;
            }
            byte[] valid = in.rest();
            Block b = f.blocks.computeIfAbsent(index, i -> new Block());
            if (b.dirtySince < 0) {
                System.arraycopy(valid, 0, b.data, 0, valid.length);
            }
            then.accept(b);
        }, failed);
    }

    public void write(int fd, byte[] bytes, Done<Integer> done) {
        Charges.trap(node);
        node.work(Work.KERNEL_CALL, node.parameter("write_instructions"));
        Stream s = stream(fd);
        if (toldRefusal(s.file(), done)) {
            return;
        }
        writePiece(s, bytes, 0, done);
    }

    private void writePiece(Stream s, byte[] bytes, int done, Done<Integer> result) {
        if (done == bytes.length) {
            result.ok(bytes.length);
            return;
        }
        CachedFile f = s.file();
        long at = s.offset()[0];
        int index = (int) (at / BLOCK);
        int within = (int) (at % BLOCK);
        int piece = Math.min(bytes.length - done, BLOCK - within);
        Runnable wrote = () -> {
            s.offset()[0] += piece;
            f.size = Math.max(f.size, s.offset()[0]);
            writePiece(s, bytes, done + piece, result);
        };
        if (!f.cacheable) {
            byte[] data = java.util.Arrays.copyOfRange(bytes, done, done + piece);
            Charges.copy(node, Work.DATA_TRANSFER, piece); // from the user's buffer into the RPC's
            rpc(boot -> SpriteFs.request(SpriteFs.WRITE, boot).putInt(f.id).putInt(index).putInt(within).putLong(0).putBytes(data, 0, piece).bytes(), in -> {
                if (answered(in, f.path, result)) {
                    wrote.run();
                }
            }, result);
            return;
        }
        withBlock(f, index, block -> {
            node.work(Work.KERNEL_CALL, node.parameter("cache_block_instructions"));
            Charges.copy(node, Work.DATA_TRANSFER, piece); // from the user's buffer into the cache
            System.arraycopy(bytes, done, block.data, within, piece);
            if (block.dirtySince < 0) {
                long since = node.nanos();
                block.dirtySince = since;
                scheduleWriteBack(delayNanos, f, index, block, since);
            }
            wrote.run();
        }, result);
    }

    public void rewind(int fd, Done<Void> done) {
        Charges.trap(node);
        stream(fd).offset()[0] = 0;
        done.ok(null);
    }

    public void close(int fd, Done<Void> done) {
        Charges.trap(node);
        node.work(Work.KERNEL_CALL, node.parameter("close_instructions"));
        Stream s = streams.remove(fd);
        if (s == null) {
            throw new IllegalStateException("descriptor " + fd + " is not an open Sprite file");
        }
        CachedFile f = s.file();
        boolean writing = (s.mode() & SpriteFs.WRITING) != 0;
        if (writing) {
            f.writers--;
        } else {
            f.readers--;
        }
        long size = writing && f.cacheable ? f.size : -1;
        rpc(boot -> SpriteFs.request(SpriteFs.CLOSE, boot).putInt(f.id).putInt(s.mode()).putLong(size).bytes(), in -> {
            // a full disk refuses the blocks this cache holds; a delayed write refused before is told here if not yet
            if (answered(in, f.path, done)) {
                if (!toldRefusal(f, done)) {
                    done.ok(null);
                }
            } else {
                f.refused = null; // said just now
            }
        }, done);
    }

    public void remove(String path, Done<Void> done) {
        Charges.trap(node);
        rpc(boot -> SpriteFs.request(SpriteFs.REMOVE, boot).putString(path).bytes(), in -> {
            if (answered(in, path, done)) {
                files.remove(in.getInt()); // its blocks, dirty ones too, are of no use now
                done.ok(null);
            }
        }, done);
    }

    /** The bytes free on the server's disk. */
    public void free(Done<Long> done) {
        Charges.trap(node);
        rpc(boot -> SpriteFs.request(SpriteFs.FREE, boot).bytes(), in -> {
            if (answered(in, "the disk", done)) {
                done.ok(in.getLong());
            }
        }, done);
    }

    /** Charges a program's own work (cp's, a compiler pass's) to this machine's CPU. */
    public void charge(Consumer<NodeContext> work, Done<Void> done) {
        work.accept(node);
        done.ok(null);
    }

    public void mkdir(String path, Done<Void> done) {
        Charges.trap(node);
        rpc(boot -> SpriteFs.request(SpriteFs.MKDIR, boot).putString(path).bytes(), in -> {
            if (answered(in, path, done)) {
                done.ok(null);
            }
        }, done);
    }

    public void stat(String path, Done<Long> done) {
        Charges.trap(node);
        rpc(boot -> SpriteFs.request(SpriteFs.STAT, boot).putString(path).bytes(), in -> {
            if (!answered(in, path, done)) {
                return;
            }
            long size = in.getLong();
            long local = files.values().stream().filter(f -> path.equals(f.path) && f.dirty()).mapToLong(f -> f.size).max().orElse(0);
            done.ok(Math.max(size, local)); // this machine may hold a longer version than the server has yet
        }, done);
    }

    /** True if the server answered OK; otherwise {@code done} fails with what it said about {@code path}. */
    private static boolean answered(SpriteFs.In in, String path, Done<?> done) {
        int status = in.getInt();
        if (status != SpriteFs.OK) {
            done.fail(SpriteFs.describe(status, path));
        }
        return status == SpriteFs.OK;
    }

    /** Fails {@code done} with what the server refused of {@code f}'s delayed writes, once; true if it did. */
    private static boolean toldRefusal(CachedFile f, Done<?> done) {
        String why = f.refused;
        if (why == null) {
            return false;
        }
        f.refused = null;
        done.fail(why);
        return true;
    }

    private Stream stream(int fd) {
        Stream s = streams.get(fd);
        if (s == null) {
            throw new IllegalStateException("descriptor " + fd + " is not an open Sprite file");
        }
        return s;
    }

    // ---- delayed writes

    /** Sends the block {@code delay} from now if it is still the one dirty since {@code since}. */
    private void scheduleWriteBack(long delay, CachedFile f, int index, Block block, long since) {
        WriteBack w = new WriteBack(node.nanos() + delay, f, index, block, since);
        writeBacksDue.add(w);
        node.after(delay, () -> {
            writeBacksDue.remove(w);
            if (stillDirty(w)) {
                writeBlock(f, index, block, () -> { });
            }
        });
    }

    private boolean stillDirty(WriteBack w) {
        return files.get(w.file().id) == w.file() && w.file().blocks.get(w.index()) == w.block() && w.block().dirtySince == w.since();
    }

    /**
     * Sends one dirty block to the server. It stays dirty (with its age) if the server cannot be reached, and is tried
     * again after RPC's first wait. If the server refuses it, the next call on the file, or its close, fails once with
     * the server's reason, and then as Sprite's block cleaner does (fscacheBlocks.c): a file the server no longer has
     * (another client removed it) is gone, and its delayed writes are dropped (FSCACHE_FILE_GONE); any other refusal
     * (a full disk) leaves the block dirty, tried again {@code write_retry_s} after each refusal, for as long as it
     * is refused (FSUTIL_WRITE_RETRY_INTERVAL, fixed).
     */
    private void writeBlock(CachedFile f, int index, Block block, Runnable then) {
        long since = block.dirtySince;
        if (since < 0) {
            then.run();
            return;
        }
        int valid = (int) Math.max(0, Math.min(BLOCK, f.size - (long) index * BLOCK));
        byte[] copy = java.util.Arrays.copyOf(block.data, valid);
        block.dirtySince = -1;
        Long sent = since;
        writeBacksSent.add(sent);
        rpc(boot -> SpriteFs.request(SpriteFs.WRITE, boot).putInt(f.id).putInt(index).putInt(0).putLong(node.nanos() - since)
                .putBytes(copy, 0, valid).bytes(), in -> {
                    writeBacksSent.remove(sent); // a reply of a kernel from before a reboot finds nothing to remove
                    int status = in.getInt();
                    if (status == SpriteFs.NO_SUCH_FILE) {
                        f.refused = SpriteFs.describe(status, f.path);
                        f.blocks.clear(); // gone: its blocks have nowhere to go
                    } else if (status != SpriteFs.OK) {
                        keepDirty(block, since);
                        f.refused = SpriteFs.describe(status, f.path);
                        scheduleWriteBack(retryNanos, f, index, block, since); // room may be made meanwhile
                    }
                    then.run();
                }, new Done<Object>() {
                    @Override
                    public void ok(Object value) {
                    }

                    @Override
                    public void fail(String reason) {
                        writeBacksSent.remove(sent);
                        keepDirty(block, since);
                        scheduleWriteBack(Math.round(node.parameter("retransmit_ms") * 1e6), f, index, block, since);
                        then.run();
                    }
                });
    }

    /** A block the server did not take stays dirty, with its age, unless it was written again meanwhile. */
    private static void keepDirty(Block block, long since) {
        if (block.dirtySince < 0) {
            block.dirtySince = since;
        }
    }

    /** Writes back every dirty block of {@code f}, one after another. */
    private void writeBack(CachedFile f, Runnable then) {
        List<Map.Entry<Integer, Block>> dirty = f.blocks.entrySet().stream().filter(e -> e.getValue().dirtySince >= 0).toList();
        writeEach(f, dirty.iterator(), then);
    }

    private void writeEach(CachedFile f, Iterator<Map.Entry<Integer, Block>> blocks, Runnable then) {
        if (!blocks.hasNext()) {
            then.run();
            return;
        }
        Map.Entry<Integer, Block> e = blocks.next();
        writeBlock(f, e.getKey(), e.getValue(), () -> writeEach(f, blocks, then));
    }

    // ---- the server's calls back

    private void serve(int from, byte[] request, Consumer<byte[]> reply) {
        SpriteFs.In in = new SpriteFs.In(request);
        int op = in.getInt();
        in.getInt();
        if (op != SpriteFs.RECALL) {
            reply.accept(SpriteFs.reply(SpriteFs.OK).bytes());
            return;
        }
        CachedFile f = files.get(in.getInt());
        boolean disable = in.getInt() == 1;
        if (f == null) {
            reply.accept(SpriteFs.reply(SpriteFs.OK).bytes());
            return;
        }
        writeBack(f, () -> {
            if (disable) {
                f.blocks.clear();
                f.cacheable = false;
            }
            reply.accept(SpriteFs.reply(SpriteFs.OK).bytes());
        });
    }

    // ---- calls to the server, and recovery when it rebooted

    /**
     * One call to the server: the request is made with the server boot this machine knows. When the answer shows
     * the server rebooted, this machine's files are reopened first; an operation on a handle the server no longer
     * knows is made again after that.
     */
    private void rpc(IntFunction<byte[]> request, Consumer<SpriteFs.In> then, Done<?> failed) {
        kernel.call(server, request.apply(knownServerBoot), reply -> {
            int booted = kernel.booted(server);
            if (knownServerBoot == 0) {
                knownServerBoot = booted;
            }
            boolean stale = new SpriteFs.In(reply).getInt() == SpriteFs.STALE;
            if (booted != knownServerBoot || stale) {
                recover(booted, () -> {
                    if (stale) {
                        rpc(request, then, failed);
                    } else {
                        then.accept(new SpriteFs.In(reply));
                    }
                });
                return;
            }
            then.accept(new SpriteFs.In(reply));
        }, failed::fail);
    }

    private void recover(int booted, Runnable then) {
        afterRecovery.add(then);
        if (recovering) {
            return;
        }
        recovering = true;
        knownServerBoot = booted;
        List<CachedFile> held = files.values().stream().filter(f -> f.readers + f.writers > 0 || f.dirty()).toList();
        reopen(held.iterator(), () -> {
            recovering = false;
            List<Runnable> waiting = List.copyOf(afterRecovery);
            afterRecovery.clear();
            waiting.forEach(Runnable::run);
        });
    }

    private void reopen(Iterator<CachedFile> held, Runnable then) {
        if (!held.hasNext()) {
            then.run();
            return;
        }
        CachedFile f = held.next();
        byte[] request = SpriteFs.request(SpriteFs.REOPEN, knownServerBoot).putInt(f.id).putInt(f.readers).putInt(f.writers).putInt(f.dirty() ? 1 : 0)
                .putLong(f.version).putLong(f.size).putString(f.path).bytes();
        kernel.call(server, request, reply -> {
            if (new SpriteFs.In(reply).getInt() != SpriteFs.OK) {
                files.remove(f.id); // another file has its number now: ours is gone
            }
            reopen(held, then);
        }, why -> reopen(held, then));
    }
}
