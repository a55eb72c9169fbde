package org.asfast.rmem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.Work;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.Ethernet;
import org.asfast.sim.cluster.Hardware;
import org.asfast.sim.cluster.SimulatedCluster;
import org.asfast.spi.UserError;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.SystemParameters;

/**
 * DECstation 5000/200s on the paper's ATM network, in virtual time: one CPU per machine, each running one node, and
 * the 140 Mb/s network. The cells are switched point to point, but every cell of the experiments here goes to or
 * from one machine (the pair of §3.1.2, or the file server), so that machine's port is modelled as the one shared
 * wire. The kernel charges the controller's FIFO work itself, so the cluster's own per-packet charges are zero.
 */
public final class RmemSimulated {
    /** The cluster's per-packet copy is not the FIFO's (RmemKernel charges that), so the cluster copies for free. */
    private static final double NO_CLUSTER_COPY_MBS = 1e12;

    private final Simulation simulation = new Simulation();
    private final SimulatedCluster cluster;
    private final SystemParameters parameters;
    private final List<Node> nodes = new ArrayList<>();

    public RmemSimulated(SystemParameters parameters, Faults faults) {
        this.parameters = forFaults(parameters, faults.none());
        // The fibre carries whole cells: a message encodes only the words it uses (a READ request is 12 bytes, a CAS 20), but
        // its cell is padded to 52 bytes plus the header's check byte, as AtmCell.bytes() charges the FIFOs.
        int cell = AtmCell.HEADER_BYTES + AtmCell.DATA_BYTES;
        Ethernet atm = new Ethernet(simulation, parameters.number("atm_mbps"), cell, (int) parameters.number("atm_hec_bytes"), 0, false, false, cell);
        cluster = new SimulatedCluster(simulation, atm, faults);
    }

    /** The shipped parameters: the DECstation 5000/200 from the model (with Ultrix's context switch) and rmem's own. */
    public static SystemParameters parameters() {
        return SystemParameters.loadOwnNetwork(ModelHardware.of("ds5000-ultrix3.1d-local", "switch_instructions"), RmemSimulated.class, "parameters.csv");
    }

    /** The paper's kernels do not retransmit; on a network that loses or repeats cells they do (§3.7's timeouts). */
    static SystemParameters forFaults(SystemParameters parameters, boolean none) {
        return none ? parameters : parameters.with("retransmit_us", parameters.number("retransmit_on_faults_us"));
    }

    /** Adds a machine running {@code node}; returns its address. */
    public int add(Node node) {
        Hardware ds5000 = new Hardware("DECstation 5000/200", parameters.number("mips"), parameters.number("kernel_cpi"), NO_CLUSTER_COPY_MBS);
        Map<String, Double> numbers = parameters.numbers();
        int address = cluster.addNode(cluster.addHost(ds5000), node, numbers);
        nodes.add(node);
        return address;
    }

    /** Machine {@code address} crashes and boots again running {@code replacement}: its memory and kernel state are lost. */
    public void restart(int address, Node replacement) {
        cluster.crash(address);
        cluster.restart(address, replacement);
        nodes.set(address, replacement);
    }

    /** Boots the machines added so far. */
    public void boot() {
        simulation.run();
    }

    /** Runs {@code action} on machine {@code address}'s loop and the simulation until {@code done} holds; else a one-line error. */
    public void run(int address, Consumer<RmemKernel> action, BooleanSupplier done, String what) {
        RmemKernel kernel = (RmemKernel) nodes.get(address);
        cluster.invoke(address, () -> action.accept(kernel));
        if (!cluster.runUntil(done, simulation.now() + 10e9)) {
            throw new UserError(what + ": not done after 10 s of simulated time");
        }
    }

    /** Starts {@code action} on machine {@code address}'s loop (run the simulation to see it through). */
    public void invoke(int address, Consumer<RmemKernel> action) {
        RmemKernel kernel = (RmemKernel) nodes.get(address);
        cluster.invoke(address, () -> action.accept(kernel));
    }

    /** Runs until nothing is left to do. */
    public void settle() {
        simulation.run();
    }

    public double now() {
        return simulation.now();
    }

    public double busyNanos(int address, Work kind) {
        return cluster.busyNanos(address, kind);
    }

    public SimulatedCluster cluster() {
        return cluster;
    }
}
