package org.asfast.systems;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Consumer;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.Ethernet;
import org.asfast.sim.cluster.Hardware;
import org.asfast.sim.cluster.SimulatedCluster;

/** One node alone on a simulated machine, for tests that charge work on it and read back how long each kind took. */
final class OneSimulatedMachine {
    private final SimulatedCluster cluster;
    private final int address;
    private NodeContext context;

    /** A machine of {@code hardware}; its node has {@code parameters}. */
    OneSimulatedMachine(Hardware hardware, Map<String, Double> parameters) {
        Simulation sim = new Simulation();
        cluster = new SimulatedCluster(sim, new Ethernet(sim, 10, 1500, 0, 0), Faults.NONE);
        address = cluster.addNode(cluster.addHost(hardware), new Node() {
            @Override
            public void start(NodeContext c) {
                context = c;
            }

            @Override
            public void receive(int from, byte[] message) {
            }
        }, parameters);
    }

    /** Runs {@code work} in a handler of the node and returns when the machine has done it. */
    void run(Consumer<NodeContext> work) {
        boolean[] done = new boolean[1];
        cluster.invoke(address, () -> {
            work.accept(context);
            done[0] = true;
        });
        assertTrue(cluster.runUntil(() -> done[0], Double.MAX_VALUE));
    }

    /** CPU time the node's handlers charged as {@code kind} so far. */
    double busyNanos(Work kind) {
        return cluster.busyNanos(address, kind);
    }
}
