package org.asfast.v;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.asfast.nodes.Faults;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.Ethernet;
import org.asfast.sim.cluster.SimulatedCluster;

/**
 * Two V hosts of one modelled machine on a 10 Mbit/s Ethernet, in virtual time: the client's host, where
 * a workload's process and its local servers run, and a server host for remote ones. A workload's call is
 * run as a handler on the client's kernel and the simulation advances until its reply; the clock then
 * reads the moment the client process ran again.
 */
public final class VSimulation {
    private final Simulation simulation = new Simulation();
    private final SimulatedCluster cluster;
    private final VParameters parameters;
    private final VKernel client = new VKernel();
    private final VKernel server = new VKernel();
    private final int clientNode;
    private final int serverNode;
    private final int clientPid;

    public VSimulation(VParameters parameters, Faults faults) {
        this.parameters = parameters;
        Ethernet ethernet = new Ethernet(simulation, parameters.number("ethernet_mbps"), (int) parameters.number("ethernet_packet_bytes"),
                (int) parameters.number("ethernet_framing_bytes"), parameters.number("packet_instructions"));
        cluster = new SimulatedCluster(simulation, ethernet, faults);
        int clientHost = cluster.addHost(parameters.hardware());
        int serverHost = cluster.addHost(parameters.hardware());
        clientNode = cluster.addNode(clientHost, client, parameters.forNodes());
        serverNode = cluster.addNode(serverHost, server, parameters.forNodes());
        simulation.run(); // the kernels start
        clientPid = call(done -> done.accept(client.newClient()));
    }

    public VParameters parameters() {
        return parameters;
    }

    public SimulatedCluster cluster() {
        return cluster;
    }

    /** Virtual nanoseconds since the hosts started. */
    public double now() {
        return simulation.now();
    }

    public VKernel clientKernel() {
        return client;
    }

    public VKernel serverKernel() {
        return server;
    }

    public int serverNode() {
        return serverNode;
    }

    /** The workload's own process on the client host. */
    public int clientPid() {
        return clientPid;
    }

    /** Creates another client process on the client's host (a second party of a workload, such as a pipe's reader). */
    public int newProcess() {
        return call(done -> done.accept(client.newClient()));
    }

    /** Starts a server process on the client's host ({@code remote} false) or on the server host. */
    public int spawn(VServer process, boolean remote) {
        VKernel kernel = remote ? server : client;
        return call(done -> done.accept(kernel.spawn(process)), remote ? serverNode : clientNode);
    }

    /** Starts a server invoked as a procedure inside the client's kernel. */
    public int spawnInKernel(VServer process) {
        return call(done -> done.accept(client.spawnInKernel(process)));
    }

    /**
     * Runs {@code action} as a handler on the client's kernel and advances virtual time until it hands its
     * result to the callback; returns the result with the clock at that moment. A call that never completes
     * (every host idle, or nothing due before the deadline) is an error, not a hang.
     */
    public <T> T call(Consumer<Consumer<T>> action) {
        return call(action, clientNode);
    }

    private <T> T call(Consumer<Consumer<T>> action, int node) {
        return callAll(List.of(action), node).get(0);
    }

    /**
     * Runs each of {@code actions} as a handler on the client's kernel, in order (one process each), and
     * advances virtual time until every one has handed its result to its callback; returns the results, with
     * the clock at the moment the last process ran again.
     */
    public <T> List<T> callAll(List<Consumer<Consumer<T>>> actions) {
        return callAll(actions, clientNode);
    }

    private <T> List<T> callAll(List<Consumer<Consumer<T>>> actions, int node) {
        List<T> results = new ArrayList<>();
        double[] at = new double[actions.size()];
        int[] done = {0};
        VKernel kernel = node == clientNode ? client : server;
        for (int i = 0; i < actions.size(); i++) {
            int index = i;
            results.add(null);
            Consumer<Consumer<T>> action = actions.get(i);
            cluster.invoke(node, () -> action.accept(value -> {
                results.set(index, value);
                at[index] = kernel.context().nanos();
                done[0]++;
            }));
        }
        double deadline = simulation.now() + (parameters.number("vmtp_retries") + 3) * parameters.number("vmtp_timeout_ms") * 1e6;
        if (!cluster.runUntil(() -> done[0] == actions.size(), deadline)) {
            throw new IllegalStateException("a V call did not complete within " + Math.round((deadline - simulation.now()) / 1e6) + " ms of virtual time");
        }
        simulation.waitUntil(java.util.Arrays.stream(at).max().orElseThrow());
        return results;
    }
}
