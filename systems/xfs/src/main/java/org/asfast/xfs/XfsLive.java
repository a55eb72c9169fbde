package org.asfast.xfs;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.asfast.live.Launcher;
import org.asfast.live.LiveException;
import org.asfast.live.LiveNode;
import org.asfast.live.LocalProcessPlacement;
import org.asfast.spi.UserError;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * xFS live on this computer: a manager (node 0), two storage servers forming one stripe group of a data and a parity
 * fragment (nodes 1 and 2) and a {@link WritingClient} (node 3), each a JVM of its own, and a reading client (node 4)
 * in this JVM, driven by the caller's thread, all over UDP on 127.0.0.1. The writing client writes blocks 0 to
 * {@code prewritten - 1} as it starts and keeps them in its memory, so a read of one by node 4 is a read from a peer's
 * memory.
 */
public final class XfsLive implements AutoCloseable {
    public static final int MANAGER = 0;
    public static final int PEER = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Launcher launcher;
    private final LiveNode readerNode;
    private final XfsClient reader = new XfsClient();
    private final int blockBytes;

    public XfsLive(String faults, int prewritten) {
        SystemParameters p = XfsSimulated.parameters().with("xfs_managers", 1).with("xfs_storage_servers", 2).with("xfs_stripe_width", 2).with("xfs_clients", 2);
        blockBytes = (int) p.number("block_bytes");
        Map<String, Double> numbers = new TreeMap<>(p.numbers());
        numbers.put("live_prewritten_blocks", (double) prewritten);
        try {
            launcher = new Launcher(new LocalProcessPlacement(), Launcher.Settings.of(numbers, faults));
        } catch (LiveException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        try {
            launcher.add(XfsManager.class.getName());
            launcher.add(StorageServer.class.getName());
            launcher.add(StorageServer.class.getName());
            launcher.add(WritingClient.class.getName());
            readerNode = launcher.addLocal(reader);
            launcher.start();
        } catch (LiveException e) {
            launcher.close();
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * Waits until the writing client's {@code prewritten} blocks are written: it writes them in order, so until the last
     * reads back as written (the reader then shares that one; the others stay the writing client's own).
     */
    public void awaitWritten(int prewritten) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int last = prewritten - 1;
        while (!java.util.Arrays.equals(read(last), WritingClient.content(last, blockBytes))) {
            evict(last);
            if (System.nanoTime() > deadline) {
                throw new UserError("xFS live: the writing client's block " + last + " was not written within " + TIMEOUT.toSeconds() + " s");
            }
            pause(Duration.ofMillis(20));
        }
        evict(last);
    }

    /** The reading client reads {@code block} whole. */
    public byte[] read(long block) {
        byte[][] got = new byte[1][];
        await(outcome -> reader.read(block, blockBytes, data -> {
            got[0] = data;
            outcome.succeed(0);
        }, outcome::fail), "read of block " + block);
        return got[0];
    }

    /** The reading client writes {@code block} whole. */
    public void write(long block, byte[] data) {
        await(outcome -> reader.write(block, data, () -> outcome.succeed(0), outcome::fail), "write of block " + block);
    }

    /** One user-to-user round trip from the reading client's loop to node {@code node}'s and back. */
    public void ping(int node) {
        await(outcome -> reader.ping(node, () -> outcome.succeed(0)), "round trip to node " + node);
    }

    /** The reading client drops its copy and tells the manager. */
    public void evict(long block) {
        await(outcome -> {
            reader.evict(block);
            outcome.succeed(0);
        }, "eviction of block " + block);
    }

    private void await(java.util.function.Consumer<Outcome> operation, String what) {
        Outcome outcome = new Outcome();
        readerNode.post(() -> operation.accept(outcome));
        readerNode.runUntil(outcome::over, TIMEOUT);
        if (!outcome.succeeded()) {
            throw new UserError(outcome.error() != null ? outcome.error() : "xFS live " + what + ": no answer within " + TIMEOUT.toSeconds() + " s");
        }
    }

    /** Reads so far by the reading client: all, from a peer's memory, from the disks. */
    public long[] readerCounts() {
        return reader.readCounts();
    }

    public int blockBytes() {
        return blockBytes;
    }

    /** kill -9 of a node's process. */
    public void crash(int address) {
        launcher.crash(address);
    }

    /** A crashed node's process started again (memory lost; a storage server rebuilds its fragments from the group). */
    public void restart(int address) {
        launcher.restart(address);
    }

    /** Lets the reading client's loop run for a while (answering nothing; the others' processes run on their own). */
    public void pause(Duration duration) {
        readerNode.runUntil(() -> false, duration);
    }

    @Override
    public void close() {
        launcher.close();
    }
}
