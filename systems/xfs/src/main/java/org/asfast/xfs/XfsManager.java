package org.asfast.xfs;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.asfast.nodes.Timer;
import org.asfast.xfs.Message.Kind;

/**
 * An xFS metadata manager: for each block it manages, which clients cache it (and since which transaction), which one
 * owns it, and where its last written version lies. It serves one request per block at a time, in the order they
 * arrive; the others wait in the block's queue. A read miss is forwarded to a client that caches the block, which
 * answers the reader directly, or to the storage servers of the block's stripe group; a write first invalidates
 * every other copy, then grants ownership with a version no grant had before. The writer stores its stripe and
 * reports it; the manager commits it (the block's version is now that stripe) and only then does the writer
 * acknowledge its user, so an acknowledged write is always one the manager knows of.
 *
 * <p>When a transaction does not move on within {@code xfs_timeout_ms}, a read goes to another source (after
 * {@code xfs_max_attempts} of them it fails, and READ_FAILED is sent until the reader says it heard), and an
 * invalidation is sent again; a cacher silent through {@code xfs_max_attempts} of them is counted as crashed and
 * loses its copy. A writer that has not reported in time is asked to (REVOKE): a live one reports what it has stored
 * (all but one fragment is enough, parity rebuilds the last) or gives the grant back, and the manager waits for its
 * answer before it grants again. Only a writer silent through {@code xfs_max_attempts} requests is counted as crashed;
 * its grant is taken back, and should it be alive after all, its late report is refused (ABORTED): it was fenced, so
 * its stripe never becomes the block's and its user is not told it was written, unless a later grant was committed
 * meanwhile. A report of a grant older than the block's last commit is answered by comparison, with no record of
 * the grant kept: its write, committed or fenced, is superseded by that commit (COMMITTED with no group): its writer
 * drops its copy and acknowledges, the write ordered just before the later one. A cacher counted as crashed, or a
 * reader whose read was given up, may be alive and hold a copy no one invalidates: a copy is leased
 * ({@code xfs_lease_ms} from when its holder asked for it, each node timing it on its own clock; the clocks must run at one rate, not read the same), so the manager grants no write
 * until every copy it stopped tracking has expired, reckoned from when it took up the transaction that gave the copy
 * up (the copy was asked for before).
 */
public final class XfsManager extends XfsNode {
    /** A COMMITTED's group when the reported grant is older than the block's last commit: its write is superseded. */
    public static final int SUPERSEDED = -1;
    private Layout layout;
    private long nextTxn = 1;
    private final Map<Long, Block> blocks = new HashMap<>();

    /** What the manager knows of one block. */
    static final class Block {
        long version;
        /** The highest version granted: every grant gets a new one, so a taken-back writer's stripe never mixes with a later one. */
        long issued;
        /** The transaction of the last committed grant (0: none). */
        long committed;
        /**
         * Grants since the last commit taken back before their writer reported (given back or fenced): a late report of
         * one is refused. Older ones are forgotten at each commit: a report of a grant before it is answered by comparison.
         */
        final java.util.TreeSet<Long> takenBack = new java.util.TreeSet<>();
        int group = -1;
        int owner = -1;
        /** Until when a copy this manager no longer tracks may still be read (its holder was given up, or its read abandoned): no write is granted before. */
        long leasesEnd;
        /** Caching clients, with the transaction their copy came from (an eviction names it). */
        final TreeMap<Integer, Long> cachers = new TreeMap<>();
        Txn active;
        final ArrayDeque<Txn> waiting = new ArrayDeque<>();
    }

    /** One read or write of a block, from its request to its end. */
    static final class Txn {
        final boolean write;
        final int client;
        final long request;
        long id;
        /** The manager's clock when it took the request up: any copy the requester holds from it was asked for before. */
        long started;
        int attempts;
        /** The cacher a read was forwarded to; -1 when the storage servers serve it. */
        int source = -1;
        /** A read given up: the manager waits for the reader to say it heard (READ_FAILED_SEEN). */
        boolean failed;
        /** Cachers this read was forwarded to that did not answer in time: not asked again. */
        final java.util.TreeSet<Integer> silent = new java.util.TreeSet<>();
        boolean granted;
        /** The writer's own copy when it was granted (the transaction it came from), or null: it still holds it if the grant comes to nothing. */
        Long writersCopy;
        final TreeMap<Integer, Boolean> awaiting = new TreeMap<>();
        Timer timeout;

        Txn(boolean write, int client, long request) {
            this.write = write;
            this.client = client;
            this.request = request;
        }
    }

    @Override
    void started() {
        layout = Layout.of(context);
    }

    @Override
    void handle(int from, Message m) {
        chargeHandler();
        Block b = blocks.computeIfAbsent(m.block(), k -> new Block());
        switch (m.kind()) {
            case READ_MISS -> enqueue(m.block(), b, new Txn(false, from, m.request()));
            case WRITE_REQUEST -> enqueue(m.block(), b, new Txn(true, from, m.request()));
            case READ_DONE -> {
                if (current(b, m.txn(), from) && !b.active.write) {
                    b.cachers.put(from, m.txn());
                    if (b.owner != from) {
                        b.owner = -1; // more than one copy: the next write must invalidate
                    }
                    finish(m.block(), b);
                }
            }
            case READ_FAILED_SEEN -> {
                if (current(b, m.txn(), from) && !b.active.write && b.active.failed) {
                    finish(m.block(), b);
                }
            }
            case FORWARD_FAILED -> {
                if (b.active != null && b.active.id == m.txn() && b.active.source == from) {
                    drop(b, from);
                    if (!b.active.failed) { // given up already: the reader is being told
                        b.active.attempts--; // an answer, not a timeout: the next source is not another try
                        dispatchRead(m.block(), b);
                    }
                }
            }
            case INVALIDATED -> {
                if (b.active != null && b.active.id == m.txn() && b.active.awaiting.remove(from) != null) {
                    drop(b, from);
                    if (b.active.awaiting.isEmpty()) {
                        grant(m.block(), b);
                    }
                }
            }
            case WRITTEN -> {
                if (current(b, m.txn(), from) && b.active.write && b.active.granted) {
                    if (m.index() >= 0) { // -1: a grant the client did not want (a duplicated request's); nothing written
                        b.version = m.version();
                        b.group = m.index();
                        b.committed = m.txn();
                        b.takenBack.headSet(m.txn()).clear(); // their reports are now superseded, told by comparison
                        send(from, Message.of(Kind.COMMITTED, m.block(), 0, m.txn(), 0, 0, m.index()));
                    } else {
                        givenBack(b); // the grant made it the owner; it wrote nothing
                    }
                    finish(m.block(), b);
                } else if (m.index() >= 0 && (b.active == null || b.active.id != m.txn())) { // a report of a grant that is over
                    if (m.txn() == b.committed) { // committed before: a repeat
                        send(from, Message.of(Kind.COMMITTED, m.block(), 0, m.txn(), 0, 0, m.index()));
                    } else if (m.txn() < b.committed) { // committed or taken back, and a later grant committed since
                        send(from, Message.of(Kind.COMMITTED, m.block(), 0, m.txn(), 0, 0, SUPERSEDED));
                    } else { // no commit since: it was taken back
                        send(from, Message.of(Kind.ABORTED, m.block(), 0, m.txn(), 0, 0, 0));
                    }
                }
            }
            case REVOKED -> {
                if (current(b, m.txn(), from) && b.active.write && b.active.granted) {
                    takeBack(m.block(), b, true);
                }
            }
            case EVICT -> {
                Long copy = b.cachers.get(from);
                if (copy != null && copy == m.txn()) {
                    drop(b, from);
                }
            }
            default -> {
                // not a manager's message
            }
        }
    }

    private static boolean current(Block b, long txn, int from) {
        return b.active != null && b.active.id == txn && b.active.client == from;
    }

    private void drop(Block b, int client) {
        b.cachers.remove(client);
        if (b.owner == client) {
            b.owner = -1;
        }
    }

    private void enqueue(long block, Block b, Txn t) {
        if (repeat(b.active, t) || b.waiting.stream().anyMatch(w -> repeat(w, t))) {
            return; // a request sent again while it is still being served: one transaction serves both
        }
        b.waiting.add(t);
        if (b.active == null) {
            next(block, b);
        }
    }

    private static boolean repeat(Txn served, Txn t) {
        return served != null && served.client == t.client && served.request == t.request && served.write == t.write;
    }

    private void next(long block, Block b) {
        Txn t = b.waiting.poll();
        b.active = t;
        if (t == null) {
            return;
        }
        t.id = nextTxn++;
        t.started = context.nanos();
        if (t.write) {
            for (int cacher : b.cachers.keySet()) {
                if (cacher != t.client) {
                    t.awaiting.put(cacher, true);
                    send(cacher, Message.of(Kind.INVALIDATE, block, 0, t.id, t.client, b.version, 0));
                }
            }
            if (t.awaiting.isEmpty()) {
                grant(block, b);
            } else {
                arm(block, b);
            }
        } else {
            // The reader is not struck off the cachers here: this may be a duplicate of a request already served.
            dispatchRead(block, b);
        }
    }

    /**
     * Sends a read to the cheapest source: a client's memory if one caches the block (the owner first, since it wrote
     * last), else the stripe group's storage servers, each of which sends its fragment to the reader; a block never
     * written is zeros, sent by the manager itself.
     */
    private void dispatchRead(long block, Block b) {
        Txn t = b.active;
        if (++t.attempts > context.parameter("xfs_max_attempts")) {
            untracked(b, t); // the reader itself is gone, or its copy is on its way
            t.failed = true;
            t.attempts = 0; // from now on, the READ_FAILEDs
            tellReadFailed(block, b);
            return;
        }
        int source = b.owner >= 0 && b.owner != t.client && !t.silent.contains(b.owner) ? b.owner : -1;
        if (source < 0) {
            Integer[] candidates = b.cachers.keySet().stream().filter(c -> c != t.client && !t.silent.contains(c)).toArray(Integer[]::new);
            source = candidates.length == 0 ? -1 : candidates[context.random().nextInt(candidates.length)];
        }
        t.source = source;
        if (source >= 0) {
            send(source, Message.of(Kind.FORWARD, block, t.request, t.id, t.client, b.version, 0));
        } else if (b.version == 0) {
            send(t.client, new Message(Kind.DATA, block, t.request, t.id, context.self(), 0, 0, new byte[(int) context.parameter("block_bytes")]));
        } else {
            for (int i = 0; i < layout.width(); i++) {
                send(layout.member(b.group, i), Message.of(Kind.FETCH, block, t.request, t.id, t.client, b.version, i));
            }
        }
        arm(block, b);
    }

    /**
     * Tells the reader its read failed, so that it goes on to its next operation, and waits for it to say it heard: a
     * lost READ_FAILED is sent again on each timeout, up to {@code xfs_max_attempts} in all (then the reader is counted
     * as gone). The block's next transaction waits meanwhile, as after any other message the manager needs answered.
     */
    private void tellReadFailed(long block, Block b) {
        Txn t = b.active;
        send(t.client, Message.of(Kind.READ_FAILED, block, t.request, t.id, t.client, 0, 0));
        arm(block, b);
    }

    /** A copy {@code t}'s requester or a cacher it invalidates may hold, untracked from now on: its lease began before {@code t} did. */
    private void untracked(Block b, Txn t) {
        b.leasesEnd = Math.max(b.leasesEnd, t.started + (long) (context.parameter("xfs_lease_ms") * 1e6));
    }

    private void grant(long block, Block b) {
        Txn t = b.active;
        long wait = b.leasesEnd - context.nanos();
        if (wait > 0) { // a copy no longer tracked may still be read: grant when its lease is over
            if (t.timeout != null) {
                t.timeout.cancel();
            }
            long id = t.id;
            t.timeout = context.after(wait, () -> {
                if (b.active != null && b.active.id == id) {
                    grant(block, b);
                }
            });
            return;
        }
        t.granted = true;
        t.attempts = 0; // from now on, the requests to report
        t.writersCopy = b.cachers.get(t.client);
        b.cachers.clear();
        b.cachers.put(t.client, t.id);
        b.owner = t.client;
        b.issued = Math.max(b.issued, b.version) + 1;
        send(t.client, Message.of(Kind.GRANT, block, t.request, t.id, t.client, b.issued, layout.groupOf(t.client)));
        arm(block, b);
    }

    /**
     * The writer gave the grant back ({@code answered}), or is counted as crashed: its grant is fenced, and the last
     * committed version stands. One that answered keeps its earlier copy among the cachers; one counted as crashed is
     * dropped, and should it be alive it may still read a copy it held before the grant, until its lease ends.
     */
    private void takeBack(long block, Block b, boolean answered) {
        b.takenBack.add(b.active.id);
        if (answered) {
            givenBack(b);
        } else {
            drop(b, b.active.client);
            if (b.active.writersCopy != null) {
                untracked(b, b.active);
            }
        }
        finish(block, b);
    }

    /**
     * The writer declined the grant (a repeat of a request it had been served) or gave it back: it wrote nothing, and a
     * copy it held before the grant is still in its cache, so it stays among the cachers (a repeat that came after its
     * own write finished would otherwise leave its copy untracked, for the next writer not to invalidate).
     */
    private void givenBack(Block b) {
        int client = b.active.client;
        if (b.active.writersCopy != null) {
            b.cachers.put(client, b.active.writersCopy);
        } else {
            drop(b, client);
        }
    }

    private void finish(long block, Block b) {
        if (b.active != null && b.active.timeout != null) {
            b.active.timeout.cancel();
        }
        next(block, b);
    }

    /** A transaction that does not move on within the timeout goes on without whoever kept silent. */
    private void arm(long block, Block b) {
        Txn t = b.active;
        if (t.timeout != null) {
            t.timeout.cancel();
        }
        long id = t.id;
        t.timeout = context.after((long) (context.parameter("xfs_timeout_ms") * 1e6), () -> {
            if (b.active == null || b.active.id != id) {
                return;
            }
            if (!t.write && t.failed) {
                if (++t.attempts < context.parameter("xfs_max_attempts")) {
                    tellReadFailed(block, b);
                } else {
                    finish(block, b); // silent through every try: gone, or it heard and its answers were lost
                }
            } else if (!t.write) {
                if (t.source >= 0) {
                    t.silent.add(t.source); // slow or crashed: it keeps its place among the cachers, but this read goes elsewhere
                }
                dispatchRead(block, b);
            } else if (!t.granted) {
                if (++t.attempts < context.parameter("xfs_max_attempts")) {
                    for (int c : t.awaiting.keySet()) {
                        send(c, Message.of(Kind.INVALIDATE, block, 0, t.id, t.client, b.version, 0)); // again: it may have been lost
                    }
                    arm(block, b);
                    return;
                }
                t.awaiting.keySet().forEach(c -> drop(b, c)); // silent through every try: counted as crashed
                t.awaiting.clear();
                untracked(b, t); // alive after all, it may read its copy until its lease ends
                grant(block, b);
            } else if (++t.attempts <= context.parameter("xfs_max_attempts")) {
                send(t.client, Message.of(Kind.REVOKE, block, t.request, t.id, t.client, 0, 0)); // report now, or give it back
                arm(block, b);
            } else {
                takeBack(block, b, false); // silent through every request: counted as crashed, and fenced should it be alive
            }
        });
    }

    /** For checkers and tests: the owner of a block (-1: none) and its caching clients. */
    public int owner(long block) {
        Block b = blocks.get(block);
        return b == null ? -1 : b.owner;
    }

    public java.util.Set<Integer> cachers(long block) {
        Block b = blocks.get(block);
        return b == null ? java.util.Set.of() : java.util.Set.copyOf(b.cachers.keySet());
    }

    /**
     * True if the grant of transaction {@code txn} will never be the block's current one: it was taken back from its
     * writer before it reported (its report will be refused), or a later grant has been committed (it is superseded).
     */
    public boolean takenBack(long block, long txn) {
        Block b = blocks.get(block);
        return b != null && (b.takenBack.contains(txn) || txn < b.committed);
    }

    /** For checkers and tests: how many taken-back grants the manager remembers for a block. */
    public int takenBackRemembered(long block) {
        Block b = blocks.get(block);
        return b == null ? 0 : b.takenBack.size();
    }

    /** The last version of a block whose stripe is known to be written (0: never written). */
    public long version(long block) {
        Block b = blocks.get(block);
        return b == null ? 0 : b.version;
    }
}
