package org.asfast.sprite;

import org.asfast.systems.LiveRpcPlatform;
import org.asfast.systems.Outcome;

/** Sprite's kernels live on this computer: the same {@link SpriteKernel} class as the simulation's; its RPCs and pseudo-devices, and its processes sharing memory on the client's machine. */
public final class SpriteLive extends LiveRpcPlatform {
    private final SpriteKernel client;

    public SpriteLive(String name, String faults) {
        this(name, new SpriteKernel(), faults);
    }

    private SpriteLive(String name, SpriteKernel client, String faults) {
        super(name, SpriteKernel.class, client, SpriteSimulated.parameters(), SpriteKernel.giveUpNanos(SpriteSimulated.parameters()::number, true), faults);
        this.client = client;
    }

    @Override
    protected void call(boolean user, int requestBytes, int replyBytes, Outcome outcome) {
        if (user) {
            int rpcs = Math.max(1, Math.max(requestBytes, replyBytes) / client.maxBytes() + 1);
            pair().await(() -> client.pseudoDevice(pair().server(), requestBytes, replyBytes, outcome), outcome, timeout.multipliedBy(rpcs),
                    "Sprite pseudo-device request to the server's process");
        } else {
            pair().await(() -> client.rpc(pair().server(), requestBytes, replyBytes, outcome), outcome, timeout, "Sprite RPC to the server's process");
        }
    }

    @Override
    protected int maxBytes(boolean user) {
        return user ? Integer.MAX_VALUE : client.maxBytes();
    }

    @Override
    protected long clientRetransmissions() {
        return client.retransmissions();
    }

    @Override
    protected void localSwitch(Outcome outcome) {
        client.switchRoundTrip(outcome);
    }

    @Override
    protected void localThread(Outcome outcome) {
        client.sharedFork(outcome);
    }
}
