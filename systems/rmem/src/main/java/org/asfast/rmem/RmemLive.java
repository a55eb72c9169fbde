package org.asfast.rmem;

import java.time.Duration;
import java.util.function.BiConsumer;
import org.asfast.live.Launcher;
import org.asfast.live.LiveException;
import org.asfast.live.LiveNode;
import org.asfast.live.LocalProcessPlacement;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Work;
import org.asfast.rmem.RmemKernel.Completion;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.spi.UserError;

/**
 * rmem live on this computer: the name server and a server machine each in a JVM of their own
 * ({@link LiveMachines}), and a client machine in this one, driven by the caller's thread, over UDP on 127.0.0.1.
 * The same {@link RmemKernel} as the simulation's; here its charges only count, and the real work takes its time.
 * Every call waits for its answer; an error (a protection error, an unknown name, no answer) is a one-line
 * {@link UserError} naming the operation.
 */
public final class RmemLive implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Launcher launcher;
    private final RmemKernel client = new RmemKernel();
    private final LiveNode clientNode;
    private final int local;
    /**
     * Where the server's echo of a {@link #writeEcho} lands (descriptor and segment), the echo waiting for it (null:
     * none) and its sequence number: an echo of an earlier request, late after its call timed out, is not this one's.
     */
    private final Descriptor echoReply;
    private final int echoSegment;
    private boolean echoNotified;
    private Completion echoed;
    private int echoSequence;
    /** The segments this machine exported by name ({@link #export}), one per name. */
    private final java.util.Map<String, Integer> exports = new java.util.HashMap<>();

    /** Starts the machines; problems starting are one-line {@link UserError}s. */
    public RmemLive(String faults) {
        try {
            boolean none = Faults.parse(faults).none();
            launcher = new Launcher(new LocalProcessPlacement(), Launcher.Settings.of(RmemSimulated.forFaults(RmemSimulated.parameters(), none).numbers(), faults));
        } catch (LiveException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        try {
            launcher.add(LiveMachines.NameServer.class.getName());
            launcher.add(LiveMachines.Server.class.getName());
            clientNode = launcher.addLocal(client);
            launcher.start();
        } catch (LiveException e) {
            launcher.close();
            throw new UserError(e.getMessage(), e);
        }
        int[] segment = {-1, -1};
        Descriptor[] reply = {null};
        await((k, done) -> {
            segment[0] = k.allocate(LiveMachines.BENCH_BYTES);
            int echo = k.allocate(AtmCell.DATA_BYTES);
            segment[1] = echo;
            reply[0] = k.export(echo);
            // A process spin-waiting on the segment sees the echo land; with notification it is woken by it instead.
            k.onDeposit(echo, (from, offset, count) -> {
                if (offset == 0 && !echoNotified) {
                    echoLanded();
                }
            });
            k.onNotify(echo, (from, s, offset) -> {
                if (echoNotified) {
                    echoLanded();
                }
            });
            done.completed(new byte[0], null);
        }, "allocating the client's segments");
        local = segment[0];
        echoSegment = segment[1];
        echoReply = reply[0];
    }

    private void echoLanded() {
        if (LiveMachines.echoSequence(client.memory(echoSegment)) != echoSequence) {
            return; // the late echo of a call that timed out
        }
        Completion waiting = echoed;
        echoed = null;
        if (waiting != null) {
            waiting.completed(new byte[0], null);
        }
    }

    /**
     * One cell WRITEn, unacknowledged, to the server's {@link LiveMachines#ECHO} segment {@code echo}, naming this
     * machine's reply segment; the server WRITEs a cell back to it. Returns when that cell has landed here (with
     * {@code notify}, both WRITEs notify, and when this machine's notified handler has run).
     */
    public void writeEcho(Descriptor echo, boolean notify) {
        byte[] cell = LiveMachines.echoRequest(echoReply, notify, ++echoSequence);
        try {
            await((k, done) -> {
                echoNotified = notify;
                echoed = done;
                k.write(echo, 0, cell, notify, false, Work.DATA_TRANSFER, (r, e) -> {
                    if (e != null) {
                        echoed = null;
                        done.completed(null, e);
                    }
                });
            }, "write echo");
        } finally {
            echoed = null; // answered, failed or timed out: nothing waits any more (the loop runs on this thread)
        }
    }

    /** {@code count} WRITEs of {@code block} at {@code offset} back to back; only the last is acknowledged, and awaited. */
    public void writeBlocks(Descriptor d, int offset, byte[] block, int count) {
        await((k, done) -> {
            Completion once = once(done); // several WRITEs may fail, and the last may be answered after one did
            for (int i = 1; i < count; i++) {
                k.write(d, offset, block, false, false, Work.DATA_TRANSFER, (r, e) -> {
                    if (e != null) {
                        once.completed(null, e);
                    }
                });
            }
            k.write(d, offset, block, false, true, Work.DATA_TRANSFER, once);
        }, "block writes");
    }

    /** {@code done}, completed by the first of its calls only. */
    static Completion once(Completion done) {
        boolean[] completed = {false};
        return (r, e) -> {
            if (!completed[0]) {
                completed[0] = true;
                done.completed(r, e);
            }
        };
    }

    /** ADDNAME through this machine's clerk: exports a segment of its own under {@code name} (the same one each time). */
    public Descriptor export(String name) {
        return NameClerk.decode(clerkCall((k, done) -> k.clerk().export(name,
                exports.computeIfAbsent(name, n -> k.allocate(LiveMachines.BENCH_BYTES)), done), "export"));
    }

    /** DELETENAME through this machine's clerk. */
    public void revoke(String name) {
        clerkCall((k, done) -> k.clerk().revoke(name, done), "revoke");
    }

    /** LOOKUPNAME through this machine's clerk, hinting the name server: from its cache when {@code cached}, else by remote READs. */
    public Descriptor lookup(String name, boolean cached) {
        return NameClerk.decode(clerkCall((k, done) -> k.clerk().lookup(name, LiveMachines.NAME_SERVER, !cached, done), "import"));
    }

    /** LOOKUP with notification: the name server's clerk is asked by a WRITE with notification and WRITEs the entry back. */
    public Descriptor lookupByNotification(String name) {
        return NameClerk.decode(clerkCall((k, done) -> k.clerk().lookupByControlTransfer(name, LiveMachines.NAME_SERVER, done), "lookup with notification"));
    }

    /**
     * A user's call to the clerk, as the kernel turns it into a local RPC (§4.2): the clerk's code runs on the node's
     * other thread of control, a real switch there and back, the two switches NameClerk charges in simulation. What the
     * clerk then awaits from another machine (a READ's data, an entry written back) comes in on this machine's loop.
     */
    private byte[] clerkCall(BiConsumer<RmemKernel, Completion> op, String what) {
        return await((k, done) -> k.context().switchTo(() -> op.accept(k, done)), what);
    }

    /**
     * Imports a segment by name through this machine's clerk, which reads the name server's registry. The server
     * publishes its names as it boots, so an unknown name is asked for again for a while before it is an error.
     */
    public Descriptor importSegment(String name) {
        return importSegment(name, TIMEOUT);
    }

    /** As {@link #importSegment(String)}, asking again for an unknown name for {@code patience} (zero: once). */
    Descriptor importSegment(String name, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return NameClerk.decode(await((k, done) -> k.clerk().lookup(name, LiveMachines.NAME_SERVER, true, done), "import"));
            } catch (UserError e) {
                if (!e.getMessage().startsWith("import: unknown name") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    public byte[] read(Descriptor d, int offset, int count) {
        return await((k, done) -> k.read(d, offset, count, local, 0, false, done), "read");
    }

    /** A write the remote kernel acknowledges, so that it can be timed (the paper's write is not acknowledged). */
    public void write(Descriptor d, int offset, byte[] data) {
        await((k, done) -> k.write(d, offset, data, false, true, Work.DATA_TRANSFER, done), "write");
    }

    /** CAS; returns whether it swapped and the word's value before. */
    public int[] cas(Descriptor d, int offset, int expected, int replacement) {
        byte[] r = await((k, done) -> k.cas(d, offset, expected, replacement, done), "cas");
        return new int[] {AtmCell.intAt(r, 0), AtmCell.intAt(r, 1)};
    }

    /** Asks the server machine, by a write with notification to its control segment, to revoke {@link LiveMachines#BENCH}. */
    public void askServerToRevoke(Descriptor control) {
        await((k, done) -> k.write(control, 0, new byte[4], true, true, Work.DATA_TRANSFER, done), "revoke request");
    }

    /** The client machine's kernel, for its counters. */
    public RmemKernel client() {
        return client;
    }

    public Launcher launcher() {
        return launcher;
    }

    private byte[] await(BiConsumer<RmemKernel, Completion> op, String what) {
        byte[][] result = {null};
        String[] error = {null};
        boolean[] done = {false};
        clientNode.post(() -> op.accept(client, (r, e) -> {
            result[0] = r;
            error[0] = e;
            done[0] = true;
        }));
        clientNode.runUntil(() -> done[0], TIMEOUT);
        if (!done[0]) {
            throw new UserError(what + ": no answer within " + TIMEOUT.toSeconds() + " s; is the server machine up?");
        }
        if (error[0] != null) {
            throw new UserError(what + ": " + error[0]);
        }
        return result[0];
    }

    @Override
    public void close() {
        launcher.close();
    }
}
