package org.asfast.systems;

import java.time.Duration;
import org.asfast.nodes.Node;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;

/**
 * A system's kernels live on this computer: the server's kernel in a JVM of its own, the client's in the caller's,
 * over UDP on 127.0.0.1, timed by the wall clock. Only the system's RPCs are offered: a live thread switch or
 * kernel call would be the JVM's, not the system's, so Threads and KernelEntry are n/a. A system says how one
 * call goes ({@link #call}), how large one may be and how many retransmissions its client made.
 */
public abstract class LiveRpcPlatform implements Platform, Rpc {
    private final String name;
    private final LivePair pair;
    /** How long one call may take before it is given up: twice the client's tries at its retransmission interval. */
    protected final Duration timeout;

    protected LivePair pair() {
        return pair;
    }

    protected LiveRpcPlatform(String name, Class<? extends Node> kernel, Node client, SystemParameters parameters, String faults) {
        this.name = name;
        pair = new LivePair(kernel.getName(), client, parameters.numbers(), faults);
        timeout = Duration.ofMillis(Math.round(2 * parameters.number("max_tries") * parameters.number("retransmit_ms")));
    }

    /** Makes one call of the given sizes, at user level or kernel level, and waits for it through {@link #pair()}. */
    protected abstract void call(boolean user, int requestBytes, int replyBytes, Outcome outcome);

    /** The largest call at this level. */
    protected abstract int maxBytes(boolean user);

    /** Retransmissions the client kernel has made so far. */
    protected abstract long clientRetransmissions();

    /** Calls the server's kernel executed (its null procedure's instructions, one each). */
    public long serverExecutions() {
        return pair.serverCount("instructions.PROCEDURE");
    }

    /** Crashes the server's process (kill -9). */
    public void crashServer() {
        pair.crashServer();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability == Rpc.class) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name, capability);
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
    public void close() {
        pair.close();
    }
}
