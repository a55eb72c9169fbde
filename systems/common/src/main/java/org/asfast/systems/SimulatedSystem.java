package org.asfast.systems;

import java.util.Locale;
import org.asfast.nodes.Faults;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.Ethernet;
import org.asfast.sim.cluster.Network;
import org.asfast.sim.cluster.SimulatedCluster;
import org.asfast.spi.Clock;
import org.asfast.spi.UserError;

/**
 * The plumbing of a simulated system's platform: a simulation, a cluster of modelled machines on one Ethernet,
 * the platform's virtual clock, and synchronous calls: a workload's call starts a handler on a node and runs
 * the simulation until the node says it is done, or fails with a one-line error at the system's timeout.
 */
public class SimulatedSystem {
    private final Simulation simulation;
    private final SimulatedCluster cluster;
    private final Clock clock = new Clock() {
        @Override
        public long nanos() {
            return Math.round(simulation.now());
        }

        @Override
        public boolean isVirtual() {
            return true;
        }
    };

    /**
     * A cluster on a 10 Mbit/s-class Ethernet whose interfaces behave as the Sun-3's Lance under Sprite's driver:
     * one packet handed to the chip at a time, read from memory by its DMA.
     */
    public SimulatedSystem(SystemParameters p, Faults faults) {
        simulation = new Simulation();
        Ethernet ethernet = new Ethernet(simulation, p.number("ethernet_mbps"), (int) p.number("packet_bytes"),
                (int) p.number("ethernet_framing_bytes"), p.number("lance_packet_instructions"), true, true);
        cluster = new SimulatedCluster(simulation, ethernet, faults);
    }

    /** A cluster on {@code network} in a simulation that others share (a modelled machine's, whose workload is its caller). */
    public SimulatedSystem(Simulation simulation, Network network, Faults faults) {
        this.simulation = simulation;
        cluster = new SimulatedCluster(simulation, network, faults);
    }

    public Simulation simulation() {
        return simulation;
    }

    public SimulatedCluster cluster() {
        return cluster;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Starts {@code action} on node {@code node} and runs the simulation until {@code outcome} is over. A failure
     * the protocol reports (its retransmissions ran out) becomes a {@link UserError} with its one-line reason; so
     * does a call still open after {@code deadlineNanos} of virtual time, which a correct protocol never leaves.
     */
    public void await(int node, Runnable action, Outcome outcome, double deadlineNanos, String what) {
        cluster.invoke(node, action);
        cluster.runUntil(outcome::over, simulation.now() + deadlineNanos);
        if (outcome.error() != null) {
            throw new UserError(what + ": " + outcome.error());
        }
        if (!outcome.succeeded()) {
            throw new UserError(String.format(Locale.ROOT, "%s: no answer within %.0f ms of simulated time", what, deadlineNanos / 1e6));
        }
        simulation.waitUntil(outcome.at()); // the caller resumes when the handler that finished the call got there
    }
}
