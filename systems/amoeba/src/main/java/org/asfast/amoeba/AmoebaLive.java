package org.asfast.amoeba;

import java.time.Duration;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.systems.LivePair;
import org.asfast.systems.Outcome;

/**
 * Amoeba's kernels live on this computer: the same {@link AmoebaKernel} class as the simulation's, the server's in
 * a JVM of its own, the client's in the caller's, over UDP on 127.0.0.1. Only its transactions are offered: a live
 * thread switch or kernel call would be the JVM's, not Amoeba's, so Threads and KernelEntry are n/a.
 */
public final class AmoebaLive implements Platform, Rpc {
    private final String name;
    private final AmoebaKernel client = new AmoebaKernel();
    private final LivePair pair;
    private final Duration timeout;

    public AmoebaLive(String name, String faults) {
        this.name = name;
        var parameters = AmoebaSimulated.parameters();
        pair = new LivePair(AmoebaKernel.class.getName(), client, parameters.numbers(), faults);
        timeout = Duration.ofMillis(Math.round(2 * parameters.number("max_tries") * parameters.number("retransmit_ms")));
    }

    /** Transactions the server's kernel executed (its null procedure's instructions, one each). */
    long serverExecutions() {
        return pair.serverCount("instructions.PROCEDURE");
    }

    LivePair pair() {
        return pair;
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
        long retransmittedBefore = client.retransmissions();
        return new Client() {
            @Override
            public void call(int requestBytes, int replyBytes) {
                Outcome outcome = new Outcome();
                pair.await(() -> client.trans(pair.server(), requestBytes, replyBytes, user, outcome), outcome, timeout, "Amoeba trans to the server's process");
            }

            @Override
            public int maxBytes() {
                return client.maxMessage();
            }

            @Override
            public long retransmissions() {
                return client.retransmissions() - retransmittedBefore; // the client's; the server's are counted in its process
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
