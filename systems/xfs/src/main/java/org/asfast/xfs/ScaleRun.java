package org.asfast.xfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Work;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.SimulatedCluster;
import org.asfast.sim.cluster.SwitchedNetwork;
import org.asfast.spi.UserError;
import org.asfast.systems.SystemParameters;

/**
 * xFS against a central server as the clients grow: the same workload ({@link ScaleWorkload}) on every client of a
 * simulated installation, then each operation's mean latency and the busiest server's load: the central server, or
 * xFS's busiest manager, each by its CPU's and its network link's busy share of the run.
 *
 * @param system         {@code xfs} or {@code central}
 * @param clients        clients in the run
 * @param operations     operations the clients made
 * @param meanMicros     their mean latency, in virtual microseconds
 * @param serverCpu      the busiest server's CPU busy share of the run's virtual time (0 to 1)
 * @param serverLink     the busiest server's link busy share (its busier direction)
 * @param virtualSeconds the run's virtual time
 * @param wallSeconds    the run's wall-clock time on this computer
 * @param events         simulation events run
 */
public record ScaleRun(String system, int clients, long operations, double meanMicros, double serverCpu, double serverLink,
        double virtualSeconds, double wallSeconds, long events) {

    /** Bytes of this JVM's memory one simulated client needs at most: its cache of every block it touches, twice over for messages in flight. */
    static long bytesPerClient(SystemParameters p) {
        return (long) (p.number("scale_operations") * p.number("block_bytes") * 3) + 64 * 1024;
    }

    /** The most clients this JVM can simulate (half its heap, the rest for the run). */
    public static long mostClients(SystemParameters p) {
        return Runtime.getRuntime().maxMemory() / 2 / bytesPerClient(p);
    }

    /** Refuses a client count this JVM cannot hold, in one line saying how many it can. */
    public static void checkFits(int clients, SystemParameters p) {
        if (clients < 1) {
            throw new UserError("a scaling run needs at least 1 client, not " + clients);
        }
        long free = Runtime.getRuntime().maxMemory() / 2; // half for the rest of the run
        long need = clients * bytesPerClient(p);
        if (need > free) {
            throw new UserError(String.format(Locale.ROOT, "%d simulated clients need about %d MB of memory and this JVM can spare %d MB; give at most %d clients",
                    clients, need >> 20, free >> 20, free / bytesPerClient(p)));
        }
    }

    /** One run of {@code system} with {@code clients} clients. */
    public static ScaleRun run(String system, int clients, SystemParameters shipped) {
        checkFits(clients, shipped);
        int managers = (clients + (int) shipped.number("scale_clients_per_manager") - 1) / (int) shipped.number("scale_clients_per_manager");
        int groups = (clients + (int) shipped.number("scale_clients_per_group") - 1) / (int) shipped.number("scale_clients_per_group");
        int storageServers = groups * (int) shipped.number("xfs_stripe_width");
        long wallStart = System.nanoTime();
        return switch (system) {
            case "xfs" -> {
                XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(managers, storageServers, clients), Faults.NONE);
                List<ScaleWorkload> workloads = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    ScaleWorkload w = new ScaleWorkload(xfs.client(i), clients);
                    workloads.add(w);
                    xfs.cluster().invoke(xfs.layout().client(i), w::start);
                }
                double start = xfs.simulation().now();
                xfs.simulation().run();
                double elapsed = xfs.simulation().now() - start;
                double cpu = 0;
                double link = 0;
                for (int m = 0; m < managers; m++) {
                    cpu = Math.max(cpu, xfs.busyNanos(m) / elapsed);
                    link = Math.max(link, xfs.linkBusyNanos(m) / elapsed);
                }
                yield finish("xfs", clients, workloads, cpu, link, elapsed, wallStart, xfs.simulation());
            }
            case "central" -> {
                SystemParameters p = shipped.with("central_disks", storageServers);
                Simulation simulation = new Simulation();
                SwitchedNetwork network = XfsSimulated.network(simulation, p);
                SimulatedCluster cluster = new SimulatedCluster(simulation, network, Faults.NONE);
                Map<String, Double> numbers = p.numbers();
                cluster.addNode(cluster.addHost(XfsSimulated.processor(p, 0)), new CentralServer(), numbers);
                List<ScaleWorkload> workloads = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    CentralClient client = new CentralClient();
                    int address = cluster.addNode(cluster.addHost(XfsSimulated.processor(p, i + 1)), client, numbers);
                    ScaleWorkload w = new ScaleWorkload(client, clients);
                    workloads.add(w);
                    cluster.invoke(address, w::start);
                }
                double start = simulation.now();
                simulation.run();
                double elapsed = simulation.now() - start;
                double busy = 0;
                for (Work kind : Work.values()) {
                    busy += cluster.busyNanos(0, kind);
                }
                yield finish("central", clients, workloads, busy / elapsed, network.linkBusyNanos(0) / elapsed, elapsed, wallStart, simulation);
            }
            default -> throw new UserError("unknown system '" + system + "'; give xfs or central");
        };
    }

    private static ScaleRun finish(String system, int clients, List<ScaleWorkload> workloads, double cpu, double link, double elapsed,
            long wallStart, Simulation simulation) {
        long ops = 0;
        long latency = 0;
        for (ScaleWorkload w : workloads) {
            if (!w.done()) {
                throw new IllegalStateException(system + " with " + clients + " clients: a client did not finish its operations");
            }
            ops += w.operations();
            latency += w.latencyNanos();
        }
        return new ScaleRun(system, clients, ops, latency / 1e3 / ops, cpu, link, elapsed / 1e9, (System.nanoTime() - wallStart) / 1e9, simulation.eventsRun());
    }
}
