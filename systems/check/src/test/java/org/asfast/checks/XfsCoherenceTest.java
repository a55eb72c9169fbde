package org.asfast.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asfast.check.Explorer;
import org.asfast.check.Explorer.Bounds;
import org.asfast.check.Explorer.Result;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.xfs.Message;
import org.asfast.xfs.Message.Kind;
import org.asfast.xfs.XfsClient;
import org.asfast.xfs.XfsManager;
import org.junit.jupiter.api.Test;

class XfsCoherenceTest {

    /** The injected bug: a client that answers an invalidation as if it had dropped its copy, and keeps it. */
    static final class KeepsItsCopy implements Node {
        private final XfsClient client;
        private NodeContext context;

        KeepsItsCopy(XfsClient client) {
            this.client = client;
        }

        @Override
        public void start(NodeContext context) {
            this.context = context;
            client.start(context);
        }

        @Override
        public void receive(int from, byte[] bytes) {
            Message m = Message.decode(bytes);
            if (m != null && m.kind() == Kind.INVALIDATE) {
                context.send(from, Message.of(Kind.INVALIDATED, m.block(), 0, m.txn(), context.self(), 0, 0).encode());
                return;
            }
            client.receive(from, bytes);
        }
    }

    /** The injected bug: a client that trusts its cached copies for good (its lease never ends; the manager's does). */
    static final class IgnoresItsLease implements Node {
        private final XfsClient client;

        IgnoresItsLease(XfsClient client) {
            this.client = client;
        }

        @Override
        public void start(NodeContext context) {
            client.start(new NodeContext() {
                @Override
                public int self() {
                    return context.self();
                }

                @Override
                public long nanos() {
                    return context.nanos();
                }

                @Override
                public void send(int to, byte[] message) {
                    context.send(to, message);
                }

                @Override
                public org.asfast.nodes.Timer after(long delayNanos, Runnable action) {
                    return context.after(delayNanos, action);
                }

                @Override
                public void work(org.asfast.nodes.Work kind, double instructions) {
                    context.work(kind, instructions);
                }

                @Override
                public double parameter(String name) {
                    return name.equals("xfs_lease_ms") ? 1e12 : context.parameter(name);
                }

                @Override
                public org.asfast.nodes.Storage storage(String name) {
                    return context.storage(name);
                }

                @Override
                public java.util.random.RandomGenerator random() {
                    return context.random();
                }
            });
        }

        @Override
        public void receive(int from, byte[] bytes) {
            client.receive(from, bytes);
        }
    }

    @Test
    void aClientThatKeepsAnInvalidatedCopyIsCaughtReadingItWithTheTrace() {
        List<String> scripts = List.of("w0", "r0 w1 r0");
        assertTrue(Explorer.explore(new XfsCoherence(scripts, 2, XfsCoherence.Fault.NONE, true, XfsCoherence.ATTEMPTS, c -> c), new Bounds(60, 0, 0, 0, 200_000)).holds());
        Result r = Explorer.explore(new XfsCoherence(scripts, 2, XfsCoherence.Fault.NONE, true, XfsCoherence.ATTEMPTS, KeepsItsCopy::new), new Bounds(60, 0, 0, 0, 200_000));
        assertFalse(r.holds());
        System.out.println(r.violation().render());
        // Caught as soon as the kept copy is stale and readable, before a read shows it.
        assertTrue(r.violation().invariant().startsWith("client 1 may read version 0 of block 0 from its cache, though version 1 is committed"), r.violation().render());
        assertTrue(r.violation().trace().stream().anyMatch(s -> s.contains("INVALIDATED")), r.violation().render());
    }

    /** The real client, noting each refusal of a late report (ABORTED) that reaches it, over every execution the search replays. */
    static final class NotesRefusals implements Node {
        static final java.util.concurrent.atomic.AtomicLong REFUSALS = new java.util.concurrent.atomic.AtomicLong();
        /** Late reports answered as superseded by a later commit (the manager no longer remembers the grant). */
        static final java.util.concurrent.atomic.AtomicLong SUPERSEDED = new java.util.concurrent.atomic.AtomicLong();
        private final XfsClient client;

        NotesRefusals(XfsClient client) {
            this.client = client;
        }

        @Override
        public void start(NodeContext context) {
            client.start(context);
        }

        @Override
        public void receive(int from, byte[] bytes) {
            Message m = Message.decode(bytes);
            if (m != null && m.kind() == Kind.ABORTED) {
                REFUSALS.incrementAndGet();
            }
            if (m != null && m.kind() == Kind.COMMITTED && m.index() == XfsManager.SUPERSEDED) {
                SUPERSEDED.incrementAndGet();
            }
            client.receive(from, bytes);
        }
    }

    @Test
    void aLiveWriterTimedOutWithItsReportInFlightIsFencedAndTheSearchReachesItsRefusedReport() {
        Result r = Explorer.explore(new XfsCoherence(List.of("w0", "r0"), 2, XfsCoherence.Fault.NONE, false, 1, NotesRefusals::new),
                new Bounds(60, 0, 0, 0, 200_000));
        System.out.println(Explorer.summary(r) + ", late reports refused: " + NotesRefusals.REFUSALS.get());
        assertTrue(r.holds(), r.holds() ? "" : r.violation().render());
        assertTrue(NotesRefusals.REFUSALS.get() > 0, "the search reached a fenced writer's refused report");
    }

    @Test
    void aClientThatReadsItsCopyPastItsLeaseIsCaughtOnceTheManagerGaveItsReadUp() {
        // The manager gives the reader's read up and grants a write once the copy's lease is over: only the lease stops a second read.
        List<String> scripts = List.of("r0 r0", "w0");
        Result bug = Explorer.explore(new XfsCoherence(scripts, 2, XfsCoherence.Fault.NONE, false, 1, IgnoresItsLease::new), new Bounds(60, 0, 0, 0, 200_000));
        assertFalse(bug.holds());
        System.out.println(bug.violation().render());
        assertTrue(bug.violation().invariant().startsWith("client 0 may read version 0 of block 0 from its cache, though version 1 is committed"), bug.violation().render());
        // The copy came before the manager gave the read up, which then granted the write once the (real) lease was over;
        // the copy the client still counts as leased is caught at the commit, before a second read shows it.
        assertTrue(bug.violation().trace().stream().anyMatch(step -> step.startsWith("deliver 0→3 DATA")), bug.violation().render());
        assertTrue(bug.violation().trace().getLast().startsWith("deliver 4→0 WRITTEN"), bug.violation().render());
        int depth = bug.violation().trace().size();
        // the real client, as deep as the bug's trace (the whole space is too large for the suite)
        Result real = Explorer.explore(new XfsCoherence(scripts, 2, XfsCoherence.Fault.NONE, false, 1, c -> c), new Bounds(depth, 0, 0, 0, 200_000));
        System.out.println("real client to depth " + depth + ": " + Explorer.summary(real));
        assertTrue(real.holds(), real.holds() ? "" : real.violation().render());
        assertFalse(real.stoppedAtLimit());
    }
}
