package org.asfast.amoeba;

import org.asfast.nodes.Faults;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedPair;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba on two simulated Sun 3/60s: the client's kernel on one, the server's on the other, one Ethernet
 * between them. Transactions between them are Douglis et al.'s Table 1; threads on the client's machine are
 * Table 3's.
 */
public final class AmoebaSimulated extends SimulatedPair<AmoebaKernel> {

    public AmoebaSimulated(String name, SystemParameters parameters, Faults faults) {
        super(name, "Sun 3/60", parameters, faults, new AmoebaKernel(), new AmoebaKernel(), AmoebaKernel.giveUpNanos(parameters::number));
    }

    /** The shipped parameters: the Sun 3/60 and its disk from the model, its Lance interface, and Amoeba's own. */
    public static SystemParameters parameters() {
        return SystemParameters.load(ModelHardware.of("sun3-60-sunos3.5-local").withDisk(), AmoebaSimulated.class, "parameters.csv");
    }

    @Override
    protected String callName(boolean user) {
        return "Amoeba trans";
    }

    @Override
    protected void call(boolean user, int requestBytes, int replyBytes, Outcome outcome) {
        client.trans(serverAddress, requestBytes, replyBytes, user, outcome);
    }

    @Override
    protected int maxBytes(boolean user) {
        return client.maxMessage();
    }

    @Override
    protected long executions(AmoebaKernel kernel) {
        return kernel.executions();
    }

    @Override
    protected long retransmissions(AmoebaKernel kernel) {
        return kernel.retransmissions();
    }

    @Override
    public void switchRoundTrip() {
        run("Amoeba local trans", client::localTrans);
    }

    @Override
    public void createAndJoin() {
        run("Amoeba thread creation", client::createThread);
    }

    @Override
    public long nullCall() {
        run("Amoeba null kernel call", client::nullCall);
        return clientAddress;
    }
}
