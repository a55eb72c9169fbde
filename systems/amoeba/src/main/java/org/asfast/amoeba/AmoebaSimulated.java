package org.asfast.amoeba;

import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.spi.Threads;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedSystem;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba on two simulated Sun 3/60s: the client's kernel on one, the server's on the other, one Ethernet
 * between them. Transactions between them are Douglis et al.'s Table 1; threads on the client's machine are
 * Table 3's.
 */
public final class AmoebaSimulated implements Platform, Rpc, Threads, KernelEntry {
    private final String name;
    private final SimulatedSystem system;
    private final AmoebaKernel client = new AmoebaKernel();
    private final AmoebaKernel server = new AmoebaKernel();
    private final int clientAddress;
    private final int serverAddress;
    private final double deadlineNanos;

    public AmoebaSimulated(String name, SystemParameters parameters, Faults faults) {
        this.name = name;
        system = new SimulatedSystem(parameters, faults);
        Map<String, Double> numbers = parameters.numbers();
        clientAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client Sun 3/60", parameters)), client, numbers);
        serverAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("server Sun 3/60", parameters)), server, numbers);
        system.simulation().run(); // the kernels start
        // A protocol that works gives up after its tries; the deadline only guards against one that does not.
        deadlineNanos = 2 * parameters.number("max_tries") * parameters.number("retransmit_ms") * 1e6;
    }

    /** The shipped parameters: the Sun 3/60 and its disk from the model, its Lance interface, and Amoeba's own. */
    public static SystemParameters parameters() {
        return SystemParameters.load(ModelHardware.of("sun3-60-sunos3.5-local").withDisk(), AmoebaSimulated.class, "parameters.csv");
    }

    /** The server machine's kernel, for tests that count its executions. */
    AmoebaKernel server() {
        return server;
    }

    SimulatedSystem system() {
        return system;
    }

    /** The transactions the server's kernel executed so far (once each, whatever the network did). */
    public long serverExecutions() {
        return server.executions();
    }

    /** Datagrams the fault layer dropped and duplicated so far. */
    public long[] faultsSoFar() {
        return new long[] {system.cluster().dropped(), system.cluster().duplicated()};
    }

    int serverAddress() {
        return serverAddress;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return system.clock();
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability.isInstance(this)) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public Client connect(Level level) {
        boolean user = level == Level.USER;
        long retransmittedBefore = client.retransmissions() + server.retransmissions();
        return new Client() {
            @Override
            public void call(int requestBytes, int replyBytes) {
                Outcome outcome = new Outcome();
                system.await(clientAddress, () -> client.trans(serverAddress, requestBytes, replyBytes, user, outcome), outcome,
                        deadlineNanos, "Amoeba trans to the server's machine");
            }

            @Override
            public int maxBytes() {
                return client.maxMessage();
            }

            @Override
            public long retransmissions() {
                return client.retransmissions() + server.retransmissions() - retransmittedBefore; // by either kernel
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void switchRoundTrip() {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.localTrans(outcome), outcome, deadlineNanos, "Amoeba local trans");
    }

    @Override
    public void createAndJoin() {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.createThread(outcome), outcome, deadlineNanos, "Amoeba thread creation");
    }

    @Override
    public long nullCall() {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.nullCall(outcome), outcome, deadlineNanos, "Amoeba null kernel call");
        return clientAddress;
    }

    @Override
    public void close() {
        // nothing outside the simulation's memory
    }
}
