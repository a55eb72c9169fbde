package org.asfast.xfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.asfast.nodes.Timer;
import org.asfast.xfs.Message.Kind;

/**
 * An xFS client: its users' reads and writes enter through the kernel's vnode layer; a block in its cache is read
 * there, a miss goes to the block's manager, and the block comes back from whoever the manager passed the request
 * to (another client's memory, or the fragments from the storage servers). A write asks the manager for ownership,
 * then stores the block as one stripe (data fragments and parity) on the storage servers of its group, reports it
 * when every fragment is on disk, and is acknowledged when the manager commits it. Asked to report early (REVOKE: a
 * storage server of the group has not answered), it reports a stripe missing one fragment, which the parity rebuilds,
 * or gives the grant back; a grant given back or taken back is asked for again, up to {@code xfs_max_attempts} times,
 * and then the write fails. The client also serves the manager: it forwards its copy of a block to a reader, and
 * drops a copy the manager invalidates.
 *
 * <p>One operation at a time, in the order its users asked (the single-threaded event loop the xFS authors
 * recommend); call {@link #read}, {@link #write}, {@link #evict} and {@link #ping} on the node's loop.
 */
public final class XfsClient extends ClientNode {
    private Layout layout;
    /**
     * Request numbers start at the client's clock when it started (its machine's monotonic clock, nanoseconds): a
     * restarted client's requests are then above every one of its earlier life, which sent fewer requests than
     * nanoseconds passed, so the manager never takes a new request for a repeat of an old one, nor answers it with an
     * old one's verdict.
     */
    private long nextRequest;
    private final Map<Long, Copy> cache = new HashMap<>();
    private Operation current;
    private long reads;
    private long peerReads;
    private long diskReads;

    /**
     * A cached block: its bytes, its version, the manager's transaction it came with, and when its lease ends: this
     * client's clock when it asked for the block, plus {@code xfs_lease_ms}. An expired copy is no copy: the manager,
     * which may have counted this client as crashed and stopped invalidating it, grants a write only when every
     * copy it no longer tracks has expired.
     */
    record Copy(byte[] data, long version, long txn, long expires) {
    }

    /** The operation in progress: what it waits for. */
    private static final class Operation {
        final long block;
        long request;
        Consumer<byte[]> readDone;
        Consumer<String> readFailed;
        int readBytes;
        Runnable writeDone;
        Consumer<String> writeFailed;
        byte[] writeData;
        /** The stripe is reported to the manager: the grant is used, and the write waits for its verdict. */
        boolean reported;
        /** Grants asked for so far. */
        int tries;
        /** Reads the manager forwarded to us while our copy was tentative. */
        final List<Message> forwards = new ArrayList<>();
        /** Reports the stripe again if no verdict comes (the manager's answer may be lost). */
        Timer verdictDue;
        int reports;
        /** When this request was first sent (a copy it brings is leased from then), how often, and the timer that sends it again. */
        long asked;
        int sends;
        Timer resendDue;
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
        nextRequest = Math.max(1, context.nanos() + 1);
    }

    /** Reads the first {@code bytes} of {@code block}; {@code done} gets them. A failed read throws on the loop. */
    @Override
    public void read(long block, int bytes, Consumer<byte[]> done) {
        read(block, bytes, done, reason -> {
            throw new IllegalStateException(reason);
        });
    }

    /**
     * Reads the first {@code bytes} of {@code block}; {@code done} gets them, or {@code failed} why not: the manager gave
     * the read up (READ_FAILED) after {@code xfs_max_attempts} sources kept silent, as when too few of the stripe's
     * storage servers are up. Either way the client goes on to the next operation: a read given up must not hold up the
     * ones behind it. (The manager decides, not a timer here: a request may wait its turn behind others at the manager.)
     */
    public void read(long block, int bytes, Consumer<byte[]> done, Consumer<String> failed) {
        submit(() -> {
            vnode();
            reads++;
            Copy copy = valid(block);
            if (copy != null) {
                complete(copy.data(), bytes, done);
                return;
            }
            current = new Operation(block, nextRequest++);
            current.readDone = done;
            current.readFailed = failed;
            current.readBytes = bytes;
            current.fragments = new byte[layout.width()][];
            ask(Message.of(Kind.READ_MISS, block, current.request, 0, context.self(), 0, 0));
        });
    }

    /** Writes the whole of {@code block}; {@code done} runs when the manager has committed its stripe. A failed write throws on the loop. */
    @Override
    public void write(long block, byte[] data, Runnable done) {
        write(block, data, done, reason -> {
            throw new IllegalStateException(reason);
        });
    }

    /** Writes the whole of {@code block}; {@code done} runs when the manager has committed its stripe, {@code failed} gets why it was not. */
    public void write(long block, byte[] data, Runnable done, Consumer<String> failed) {
        int blockBytes = (int) context.parameter("block_bytes");
        if (data.length != blockBytes) {
            throw new IllegalArgumentException("xFS writes whole blocks of " + blockBytes + " bytes, not " + data.length);
        }
        submit(() -> {
            vnode();
            current = new Operation(block, nextRequest++);
            current.writeDone = done;
            current.writeFailed = failed;
            current.writeData = data.clone();
            askToWrite();
        });
    }

    private void askToWrite() {
        current.tries++;
        current.fragments = null;
        current.stored = null;
        current.reported = false;
        cancel(current.resendDue);
        current.sends = 0;
        ask(Message.of(Kind.WRITE_REQUEST, current.block, current.request, 0, context.self(), 0, 0));
    }

    /**
     * Sends a read miss or a write request to the block's manager, and again, up to {@code xfs_max_attempts} sends in
     * all, each {@code xfs_timeout_ms} without an answer (the block, or the grant): the request may have been lost.
     * The manager serves a repeat as a request of its own, which a client that no longer waits for it ignores or
     * gives back.
     */
    private void ask(Message request) {
        Operation op = current;
        if (op.sends++ == 0) {
            op.asked = context.nanos();
        }
        send(layout.manager(op.block), request);
        op.resendDue = context.after((long) (context.parameter("xfs_timeout_ms") * 1e6), () -> {
            if (current == op && op.request == request.request() && (op.readDone != null || op.fragments == null) && op.sends < context.parameter("xfs_max_attempts")) {
                ask(request);
            }
        });
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The client's copy of {@code block} if its lease has not ended; an expired one is dropped. */
    private Copy valid(long block) {
        Copy copy = cache.get(block);
        if (copy != null && context.nanos() >= copy.expires()) {
            cache.remove(block);
            return null;
        }
        return copy;
    }

    private long leaseFrom(long asked) {
        return asked + (long) (context.parameter("xfs_lease_ms") * 1e6);
    }

    /** The grant was given back or taken back: ask again under a new request (a late grant of the old one is given back), or fail. */
    private void writeAgain(String why) {
        if (current.tries >= context.parameter("xfs_max_attempts")) {
            Consumer<String> failed = current.writeFailed;
            String reason = "xFS write of block " + current.block + " failed: " + why + " " + current.tries + " times";
            failed.accept(reason);
            next();
            return;
        }
        current.request = nextRequest++;
        askToWrite();
    }

    /**
     * Asks the manager to commit the stripe; until it answers, the copy is tentative (a forwarded read after the commit
     * gets it). With no verdict it reports again, up to {@code xfs_max_attempts} times on its own; after that only when
     * the manager asks (REVOKE), which it does while it has not heard the report.
     */
    private void report() {
        Operation op = current;
        cancel(op.verdictDue);
        if (++op.reports < context.parameter("xfs_max_attempts")) {
            op.verdictDue = context.after((long) (context.parameter("xfs_timeout_ms") * 1e6), () -> {
                if (current == op && op.reported) {
                    report();
                }
            });
        }
        current.reported = true;
        cache.put(current.block, new Copy(current.writeData, current.version, current.txn, leaseFrom(current.asked)));
        send(layout.manager(current.block), Message.of(Kind.WRITTEN, current.block, current.request, current.txn, context.self(), current.version, current.group));
    }

    /** True if the operation in progress is a write holding (or having reported) the grant of {@code txn} for {@code block}. */
    private boolean holds(long block, long txn) {
        return current != null && current.writeData != null && current.fragments != null && current.block == block && current.txn == txn;
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
        if (current != null) {
            cancel(current.resendDue);
        }
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
                if (current != null && current.reported && current.block == m.block()) {
                    current.forwards.add(m); // our copy is tentative: answer once the manager's verdict says what it is
                } else {
                    forward(from, m);
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
            case READ_FAILED -> {
                send(from, Message.of(Kind.READ_FAILED_SEEN, m.block(), 0, m.txn(), context.self(), 0, 0)); // each time: the last answer may have been lost
                if (current != null && current.readDone != null && current.block == m.block() && current.request == m.request()) {
                    Consumer<String> failed = current.readFailed;
                    failed.accept("xFS read of block " + m.block() + " failed: its manager gave it up after "
                            + (long) context.parameter("xfs_max_attempts") + " tries (are enough of its stripe group's storage servers up?)");
                    next();
                }
            }
            case INVALIDATE -> {
                cache.remove(m.block());
                send(from, Message.of(Kind.INVALIDATED, m.block(), 0, m.txn(), context.self(), 0, 0));
            }
            case GRANT -> {
                if (current == null || current.request != m.request() || current.fragments != null && current.txn != m.txn()) {
                    // A grant for a request already served, or a second one for this request (the request was sent
                    // again, or the network duplicated it): give it back unused.
                    send(from, Message.of(Kind.WRITTEN, m.block(), m.request(), m.txn(), context.self(), m.version(), -1));
                } else if (current.writeData != null && current.fragments == null) {
                    cancel(current.resendDue);
                    current.version = m.version();
                    current.txn = m.txn();
                    current.group = m.index();
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
                    if (!current.reported && stored() == current.stored.length) {
                        report();
                    }
                }
            }
            case REVOKE -> {
                if (current != null && current.writeData != null && current.fragments == null && current.request == m.request()) {
                    send(from, Message.of(Kind.REVOKED, m.block(), m.request(), m.txn(), context.self(), 0, 0));
                    writeAgain("the grant was lost"); // granted, but the grant never came
                } else if (!holds(m.block(), m.txn())) {
                    send(from, Message.of(Kind.REVOKED, m.block(), m.request(), m.txn(), context.self(), 0, 0)); // nothing of it is mine
                } else if (current.reported || stored() >= layout.width() - 1) {
                    report(); // again if the first was lost; or with one fragment missing, which the parity rebuilds
                } else {
                    send(from, Message.of(Kind.REVOKED, m.block(), m.request(), m.txn(), context.self(), 0, 0));
                    writeAgain("the grant was given back");
                }
            }
            case COMMITTED -> {
                if (holds(m.block(), m.txn()) && current.reported) {
                    cancel(current.verdictDue);
                    if (m.index() == XfsManager.SUPERSEDED) {
                        cache.remove(m.block()); // a later write is the block's: the manager no longer counts this copy
                    }
                    answerForwards();
                    Runnable done = current.writeDone;
                    done.run();
                    next();
                }
            }
            case ABORTED -> {
                if (holds(m.block(), m.txn()) && current.reported) {
                    cancel(current.verdictDue);
                    cache.remove(m.block()); // the tentative copy was never the block's
                    answerForwards();
                    writeAgain("the manager took the grant back");
                }
            }
            default -> {
                // not a client's message
            }
        }
    }

    /** The manager passed us the right to reply: our copy goes straight to the reader, or, gone, we say so. */
    private void forward(int manager, Message m) {
        Copy copy = valid(m.block());
        if (copy == null) {
            send(manager, Message.of(Kind.FORWARD_FAILED, m.block(), m.request(), m.txn(), m.node(), 0, 0));
        } else {
            send(m.node(), new Message(Kind.DATA, m.block(), m.request(), m.txn(), context.self(), copy.version(), 0, copy.data()));
        }
    }

    /** The verdict on our report came: the reads forwarded to us meanwhile get the copy it left (none if refused). */
    private void answerForwards() {
        for (Message f : current.forwards) {
            forward(layout.manager(f.block()), f);
        }
        current.forwards.clear();
    }

    private int stored() {
        int n = 0;
        for (boolean s : current.stored) {
            n += s ? 1 : 0;
        }
        return n;
    }

    private boolean reading(Message m) {
        return current != null && current.readDone != null && current.request == m.request() && current.block == m.block();
    }

    /** The read is over: cache the block, tell the manager, hand the bytes to the user. */
    private void cached(long block, byte[] data, long version, long txn) {
        cache.put(block, new Copy(data, version, txn, leaseFrom(current.asked)));
        send(layout.manager(block), Message.of(Kind.READ_DONE, block, current.request, txn, context.self(), version, 0));
        complete(data, current.readBytes, current.readDone);
    }

    /** A copy that arrives again after a retried read: the manager waits to hear that we have it. */
    private void confirmLate(Message m) {
        Copy copy = cache.get(m.block());
        if (copy != null && copy.version() == m.version()) {
            cache.put(m.block(), new Copy(copy.data(), copy.version(), m.txn(), copy.expires())); // the lease of the first ask
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

    /**
     * For checkers: the version a read of {@code block} would get from this client's cache now (-1: no copy, or its lease
     * is over). A write of the block in progress does not count: its copy is tentative until the manager's verdict.
     */
    public long readableVersion(long block) {
        if (current != null && current.block == block && current.writeData != null) {
            return -1;
        }
        Copy copy = cache.get(block);
        return copy == null || context.nanos() >= copy.expires() ? -1 : copy.version();
    }

    /** True while this client holds the manager's write grant for an operation in progress and has not reported its stripe. */
    public boolean writing(long block) {
        return current != null && current.block == block && current.writeData != null && current.fragments != null && !current.reported;
    }

    /** The manager's transaction of the grant this client is writing {@code block} under (-1: none). */
    public long grant(long block) {
        return writing(block) ? current.txn : -1;
    }

    /** Reads so far: all of them, those served from a peer's memory, and those served by the storage servers' disks. */
    public long[] readCounts() {
        return new long[] {reads, peerReads, diskReads};
    }
}
