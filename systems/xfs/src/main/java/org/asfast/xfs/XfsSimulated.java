package org.asfast.xfs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.Hardware;
import org.asfast.sim.cluster.SimulatedCluster;
import org.asfast.sim.cluster.SwitchedNetwork;
import org.asfast.spi.UserError;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * An xFS installation on simulated UltraSPARC 170s, one node per machine, joined by a Myrinet-class switch. Its
 * synchronous calls (a client's read, write, eviction, round trip) start the operation on the client's loop and run
 * virtual time until it is over; each returns its latency in virtual nanoseconds.
 */
public final class XfsSimulated {
    private final SystemParameters parameters;
    private final Layout layout;
    private final Simulation simulation = new Simulation();
    private final SimulatedCluster cluster;
    private final SwitchedNetwork network;
    private final List<Node> nodes = new ArrayList<>();

    public XfsSimulated(SystemParameters parameters, Faults faults) {
        this(parameters, faults, null);
    }

    /**
     * An installation whose nodes show {@code sent} every datagram they send (null: none), as the wire would see it; one
     * it answers false for is lost on the way.
     */
    XfsSimulated(SystemParameters parameters, Faults faults, Predicate<byte[]> sent) {
        this.parameters = parameters;
        this.layout = layoutOf(parameters);
        network = network(simulation, parameters);
        cluster = new SimulatedCluster(simulation, network, faults);
        Map<String, Double> numbers = parameters.numbers();
        for (int i = 0; i < layout.nodes(); i++) {
            Node node = i < layout.managers() ? new XfsManager() : i < layout.managers() + layout.storageServers() ? new StorageServer() : new XfsClient();
            nodes.add(node);
            cluster.addNode(cluster.addHost(processor(parameters, i)), sent == null ? node : tapped(node, sent), numbers);
        }
        simulation.run(); // the nodes start; the storage servers find nothing to rebuild
    }

    /** {@code node} with a context that shows {@code sent} each datagram before it sends it, and drops those it refuses. */
    private static Node tapped(Node node, Predicate<byte[]> sent) {
        return new Node() {
            @Override
            public void start(NodeContext context) {
                node.start((NodeContext) Proxy.newProxyInstance(NodeContext.class.getClassLoader(), new Class<?>[] {NodeContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && !sent.test((byte[]) args[1])) {
                        return null; // lost on the way
                    }
                    try {
                        return method.invoke(context, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
            }

            @Override
            public void receive(int from, byte[] message) {
                node.receive(from, message);
            }
        };
    }

    /** The shipped parameters. */
    public static SystemParameters parameters() {
        return SystemParameters.of(XfsSimulated.class, "parameters.csv");
    }

    /** The shipped parameters with another installation's size. */
    public static SystemParameters parameters(int managers, int storageServers, int clients) {
        return parameters().with("xfs_managers", managers).with("xfs_storage_servers", storageServers).with("xfs_clients", clients);
    }

    static Layout layoutOf(SystemParameters p) {
        return new Layout((int) p.number("xfs_managers"), (int) p.number("xfs_storage_servers"), (int) p.number("xfs_stripe_width"), (int) p.number("xfs_clients"));
    }

    /** The Myrinet switch and its interfaces, with the host's per-message Active Message work. */
    static SwitchedNetwork network(Simulation simulation, SystemParameters p) {
        return new SwitchedNetwork(simulation, p.number("myrinet_mbps"), (int) p.number("myrinet_header_bytes"), p.number("am_packet_instructions"),
                p.number("lanai_packet_us") * 1e3, p.number("switch_latency_us") * 1e3);
    }

    static Hardware processor(SystemParameters p, int node) {
        return new Hardware("UltraSPARC 170 #" + node, p.number("mips"), p.number("kernel_cpi"), p.number("memory_mbs"));
    }

    public Layout layout() {
        return layout;
    }

    public SimulatedCluster cluster() {
        return cluster;
    }

    public Simulation simulation() {
        return simulation;
    }

    public XfsClient client(int i) {
        return (XfsClient) nodes.get(layout.client(i));
    }

    public XfsManager manager(int i) {
        return (XfsManager) nodes.get(i);
    }

    public StorageServer storageServer(int i) {
        return (StorageServer) nodes.get(layout.storageServer(i));
    }

    /** Client {@code i} reads the first {@code bytes} of {@code block}; returns them. */
    public byte[] read(int i, long block, int bytes) {
        byte[][] got = new byte[1][];
        call(i, (client, outcome) -> client.read(block, bytes, data -> {
            got[0] = data;
            outcome.succeed(clientNanos(i));
        }, outcome::fail), "read of block " + block);
        return got[0];
    }

    /** Client {@code i} writes {@code block} whole. */
    public void write(int i, long block, byte[] data) {
        call(i, (client, outcome) -> client.write(block, data, () -> outcome.succeed(clientNanos(i)), outcome::fail), "write of block " + block);
    }

    public void evict(int i, long block) {
        cluster.invoke(layout.client(i), () -> client(i).evict(block));
        simulation.run();
    }

    /** Virtual nanoseconds of one user-to-user round trip from client {@code i} to node {@code peer}. */
    public double ping(int i, int peer) {
        return call(i, (client, outcome) -> client.ping(peer, () -> outcome.succeed(clientNanos(i))), "round trip to node " + peer);
    }

    /** Virtual nanoseconds of client {@code i}'s read of {@code bytes} of {@code block}. */
    public double timedRead(int i, long block, int bytes) {
        return call(i, (client, outcome) -> client.read(block, bytes, data -> outcome.succeed(clientNanos(i)), outcome::fail), "read of block " + block);
    }

    private long clientNanos(int i) {
        return client(i).now(); // the handler's clock, ahead of the simulation's while it works
    }

    private double call(int i, java.util.function.BiConsumer<XfsClient, Outcome> operation, String what) {
        Outcome outcome = new Outcome();
        double start = simulation.now();
        cluster.invoke(layout.client(i), () -> operation.accept(client(i), outcome));
        double deadline = simulation.now() + 10 * parameters.number("xfs_timeout_ms") * 1e6;
        cluster.runUntil(outcome::over, deadline);
        if (outcome.error() != null) {
            throw new UserError(outcome.error());
        }
        if (!outcome.succeeded()) {
            throw new UserError(String.format(Locale.ROOT, "xFS %s on client %d: no answer within %.0f ms of simulated time", what, i, (deadline - start) / 1e6));
        }
        simulation.waitUntil(outcome.at()); // the caller resumes when the client's handler got there
        return outcome.at() - start;
    }

    /** CPU time node {@code address} spent, all kinds of work. */
    public double busyNanos(int address) {
        double sum = 0;
        for (Work kind : Work.values()) {
            sum += cluster.busyNanos(address, kind);
        }
        return sum;
    }

    /** Time node {@code address}'s link to the switch was busy, in its busier direction (each node has a machine of its own). */
    public double linkBusyNanos(int address) {
        return network.linkBusyNanos(address);
    }

    public void crash(int address) {
        cluster.crash(address);
    }

    /** Restarts a crashed node as a fresh instance of its kind (memory lost, disk kept). */
    public void restart(int address) {
        Node fresh = fresh(address);
        nodes.set(address, fresh);
        cluster.restart(address, fresh);
    }

    /** Puts a new machine of the crashed node's kind in its place: memory and disk empty. */
    public void replace(int address) {
        Node fresh = fresh(address);
        nodes.set(address, fresh);
        cluster.replace(address, fresh);
    }

    private Node fresh(int address) {
        return address < layout.managers() ? new XfsManager() : address < layout.managers() + layout.storageServers() ? new StorageServer() : new XfsClient();
    }

    /** Runs virtual time on for {@code nanos}. */
    public void runFor(double nanos) {
        simulation.runUntil(() -> false, simulation.now() + nanos);
    }

}
