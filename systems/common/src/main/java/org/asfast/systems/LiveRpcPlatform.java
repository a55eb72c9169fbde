package org.asfast.systems;

import java.time.Duration;
import org.asfast.nodes.Node;
import org.asfast.spi.Clock;
import org.asfast.spi.Rpc;
import org.asfast.spi.Threads;

/**
 * A system's kernels live on this computer: the server's kernel in a JVM of its own, the client's in the caller's,
 * over UDP on 127.0.0.1, timed by the wall clock. The system's RPCs, and its threads on the client's machine (Douglis
 * et al.'s Table 3): the client's kernel code runs them, with real threads of the client node's process
 * ({@link org.asfast.nodes.NodeContext#switchTo}, {@link org.asfast.nodes.NodeContext#createThread}). A kernel call
 * is n/a (KernelEntry): a live kernel is a user process, and nothing traps into it. A system says how one call goes
 * ({@link #call}), how large one may be, how many retransmissions its client made, and how its kernel switches to a
 * partner thread and creates one.
 */
public abstract class LiveRpcPlatform extends SystemPlatform implements Rpc, Threads {
    private final LivePair pair;
    /** How long one call may take before it is given up: twice as long as the client's kernel waits before it gives up. */
    protected final Duration timeout;

    protected LivePair pair() {
        return pair;
    }

    /** {@code giveUpNanos}: the longest the client's kernel waits for an answer before it reports a failure. */
    protected LiveRpcPlatform(String name, Class<? extends Node> kernel, Node client, SystemParameters parameters, double giveUpNanos, String faults) {
        super(name);
        pair = new LivePair(kernel.getName(), client, parameters.numbers(), faults);
        timeout = Duration.ofNanos(Math.round(2 * giveUpNanos));
    }

    /** Makes one call of the given sizes, at user level or kernel level, and waits for it through {@link #pair()}. */
    protected abstract void call(boolean user, int requestBytes, int replyBytes, Outcome outcome);

    /** The largest call at this level. */
    protected abstract int maxBytes(boolean user);

    /** Retransmissions the client kernel has made so far. */
    protected abstract long clientRetransmissions();

    /** Starts Table 3's round trip to a partner thread on the client's kernel. */
    protected abstract void localSwitch(Outcome outcome);

    /** Starts Table 3's creation of a thread sharing memory on the client's kernel. */
    protected abstract void localThread(Outcome outcome);

    /** Calls the server's kernel executed (its null procedure's instructions, one each). */
    public long serverExecutions() {
        return pair.serverCount("instructions.PROCEDURE");
    }

    /** Crashes the server's process (kill -9). */
    public void crashServer() {
        pair.crashServer();
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public Client connect(Level level) {
        boolean user = level == Level.USER;
        long retransmittedBefore = clientRetransmissions();
        return new Client() {
            @Override
            public void call(int requestBytes, int replyBytes) {
                LiveRpcPlatform.this.call(user, requestBytes, replyBytes, new Outcome());
            }

            @Override
            public int maxBytes() {
                return LiveRpcPlatform.this.maxBytes(user);
            }

            @Override
            public long retransmissions() {
                return clientRetransmissions() - retransmittedBefore; // the client's; the server's are counted in its process
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void switchRoundTrip() {
        Outcome outcome = new Outcome();
        pair.await(() -> localSwitch(outcome), outcome, timeout, name() + ": context switch");
    }

    @Override
    public void createAndJoin() {
        Outcome outcome = new Outcome();
        pair.await(() -> localThread(outcome), outcome, timeout, name() + ": thread creation");
    }

    @Override
    public void close() {
        pair.close();
    }
}
