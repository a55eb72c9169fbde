package org.asfast.amoeba;

import org.asfast.systems.LiveRpcPlatform;
import org.asfast.systems.Outcome;

/** Amoeba's kernels live on this computer: the same {@link AmoebaKernel} class as the simulation's; its transactions, and its threads on the client's machine. */
public final class AmoebaLive extends LiveRpcPlatform {
    private final AmoebaKernel client;

    public AmoebaLive(String name, String faults) {
        this(name, new AmoebaKernel(), faults);
    }

    private AmoebaLive(String name, AmoebaKernel client, String faults) {
        super(name, AmoebaKernel.class, client, AmoebaSimulated.parameters(), AmoebaKernel.giveUpNanos(AmoebaSimulated.parameters()::number), faults);
        this.client = client;
    }

    @Override
    protected void call(boolean user, int requestBytes, int replyBytes, Outcome outcome) {
        pair().await(() -> client.trans(pair().server(), requestBytes, replyBytes, user, outcome), outcome, timeout, "Amoeba trans to the server's process");
    }

    @Override
    protected int maxBytes(boolean user) {
        return client.maxMessage();
    }

    @Override
    protected long clientRetransmissions() {
        return client.retransmissions();
    }

    /** Local null transactions the client's kernel ran (its own server thread's, Table 3's context switch). */
    long localExecutions() {
        return client.executions();
    }

    @Override
    protected void localSwitch(Outcome outcome) {
        client.localTrans(outcome);
    }

    @Override
    protected void localThread(Outcome outcome) {
        client.createThread(outcome);
    }
}
