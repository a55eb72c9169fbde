package org.asfast.sim.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Storage;
import org.asfast.nodes.Timer;
import org.asfast.nodes.Work;
import org.asfast.sim.Simulation;

/**
 * Nodes of a distributed system run in virtual time on modelled hosts. Each host has one CPU that runs
 * its nodes' handlers one at a time, first come first served: a datagram that arrives while the CPU is busy
 * waits. A handler starts at the simulation's time and its clock moves on with the work it charges, so what
 * it sends leaves when that work is done. Datagrams between hosts cross a {@link Network} (such as an {@link Ethernet}: per-packet
 * driver work and a copy on both CPUs, the wire in between); datagrams between nodes of one host are handed
 * over in memory. Every datagram passes through the run's {@link Faults}.
 *
 * <p>Deterministic: the same nodes, parameters and fault seed give the same events in the same order.
 */
public final class SimulatedCluster {
    private final Simulation simulation;
    private final Network network;
    private final Faults faults;
    private final List<Host> hosts = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private long delivered;

    public SimulatedCluster(Simulation simulation, Network network, Faults faults) {
        this.simulation = simulation;
        this.network = network;
        this.faults = faults;
    }

    public Simulation simulation() {
        return simulation;
    }

    /** Adds a machine; returns its index for {@link #addNode}. */
    public int addHost(Hardware hardware) {
        hosts.add(new Host(hosts.size(), hardware));
        return hosts.size() - 1;
    }

    /**
     * Adds a node on a host with its system's parameters, and starts it; returns its address. A parameter
     * the node asks for and was not given is an error naming it.
     */
    public int addNode(int host, Node node, Map<String, Double> parameters) {
        return addNode(host, node, parameters, null);
    }

    /**
     * Adds a node as {@link #addNode(int, Node, Map)} does, whose storage takes as long as {@code disk} says
     * (instead of its {@code disk_access_ms} and {@code disk_transfer_mbs}); null for those.
     */
    public int addNode(int host, Node node, Map<String, Double> parameters, DiskTiming disk) {
        Member member = new Member(members.size(), hosts.get(host), node, Map.copyOf(parameters), disk);
        members.add(member);
        member.start();
        return member.address;
    }

    /** Runs {@code action} on the node's loop, as a handler, as soon as its CPU is free. */
    public void invoke(int node, Runnable action) {
        Member member = members.get(node);
        member.host.enqueue(new Job(member, action, -1, -1));
    }

    /** Runs events until {@code done} holds, or until nothing is due before {@code deadlineNanos}; returns {@code done}. */
    public boolean runUntil(BooleanSupplier done, double deadlineNanos) {
        return simulation.runUntil(done, deadlineNanos);
    }

    /** Crashes a node: it loses its timers, its queued messages and every message sent to it until it restarts. */
    public void crash(int node) {
        members.get(node).crash();
    }

    /** Restarts a crashed node as {@code replacement} (a fresh instance: memory is lost, storage survives). */
    public void restart(int node, Node replacement) {
        members.get(node).restart(replacement);
    }

    /** Puts a new machine, {@code replacement} with empty disks, in a crashed node's place (its address and link). */
    public void replace(int node, Node replacement) {
        members.get(node).disks.clear();
        members.get(node).restart(replacement);
    }

    /** CPU time a node's handlers charged, of one kind. */
    public double busyNanos(int node, Work kind) {
        return members.get(node).busy.getOrDefault(kind, 0.0);
    }

    /** Datagrams delivered to nodes (duplicates counted, dropped ones not). */
    public long delivered() {
        return delivered;
    }

    /** Datagrams the fault layer dropped, over all senders. */
    public long dropped() {
        return members.stream().mapToLong(m -> m.faultStream.dropped()).sum();
    }

    /** Datagrams the fault layer duplicated, over all senders. */
    public long duplicated() {
        return members.stream().mapToLong(m -> m.faultStream.duplicated()).sum();
    }

    /** A handler to run; {@code arrivingBytes} is -1 unless it receives a datagram from {@code fromHost}. */
    private record Job(Member member, Runnable action, int arrivingBytes, int fromHost) {
    }

    /** One CPU and its queue of handlers. */
    private final class Host {
        final int index;
        final Hardware hardware;
        final ArrayDeque<Job> queue = new ArrayDeque<>();
        boolean running;
        /** When the interface's last packet leaves the wire (for interfaces that transmit one at a time). */
        double transmitterFreeAt;

        Host(int index, Hardware hardware) {
            this.index = index;
            this.hardware = hardware;
        }

        void enqueue(Job job) {
            queue.add(job);
            if (!running) {
                runNext();
            }
        }

        private void runNext() {
            Job job = queue.poll();
            if (job == null) {
                running = false;
                return;
            }
            running = true;
            double end = job.member.run(job);
            simulation.at(end, this::runNext);
        }
    }

    /** A node, its context and its accounting. */
    private final class Member implements NodeContext {
        final int address;
        final Host host;
        final Map<String, Double> parameters;
        final Faults.Stream faultStream;
        final RandomGenerator random;
        final Map<Work, Double> busy = new EnumMap<>(Work.class);
        final Map<String, SimulatedDisk> disks = new HashMap<>();
        final DiskTiming diskTiming;
        Node node;
        boolean up = true;
        int epoch;
        /** The clock of the handler now running on this node; the simulation's time otherwise. */
        double clock;
        boolean inHandler;

        Member(int address, Host host, Node node, Map<String, Double> parameters, DiskTiming diskTiming) {
            this.address = address;
            this.diskTiming = diskTiming;
            this.host = host;
            this.node = node;
            this.parameters = parameters;
            this.faultStream = faults.stream(address);
            this.random = new SplittableRandom(31L * address + 17);
        }

        void start() {
            host.enqueue(new Job(this, () -> node.start(this), -1, -1));
        }

        double run(Job job) {
            clock = simulation.now();
            if (!up) {
                return clock;
            }
            inHandler = true;
            try {
                if (job.arrivingBytes >= 0 && job.fromHost != host.index) {
                    charge(Work.DATA_TRANSFER, host.hardware.kernelNanos(network.packetInstructions()) + host.hardware.copyNanos(job.arrivingBytes));
                }
                job.action.run();
            } finally {
                inHandler = false;
            }
            return clock;
        }

        private void charge(Work kind, double nanos) {
            clock += nanos;
            busy.merge(kind, nanos, Double::sum);
        }

        private double now() {
            return inHandler ? clock : simulation.now();
        }

        @Override
        public int self() {
            return address;
        }

        @Override
        public long nanos() {
            return Math.round(now());
        }

        @Override
        public void send(int to, byte[] message) {
            Member target = members.get(to);
            byte[] copy = message.clone(); // the receiver must not see the sender's later changes
            int fromHost = host.index;
            long[] fates = faultStream.fate();
            if (target.host == host) {
                deliver(target, copy, fromHost, now(), fates);
                return;
            }
            if (inHandler) {
                if (network.oneTransmitAtATime() && host.transmitterFreeAt > clock) {
                    // The driver sets this packet up only when the interface has sent the last one; the handler
                    // waits (not counted as busy), and the host's other handlers wait behind it.
                    clock = host.transmitterFreeAt;
                }
                charge(Work.DATA_TRANSFER, host.hardware.kernelNanos(network.packetInstructions())
                        + (network.dmaTransmit() ? 0 : host.hardware.copyNanos(copy.length)));
            }
            double departure = now();
            // The interface is free again once this packet is out, if no other host holds the wire meanwhile.
            host.transmitterFreeAt = departure + network.wireNanos(copy.length);
            // The wire is booked when the packet leaves, not now: a handler's clock runs ahead of the simulation's,
            // and booking ahead would put packets other hosts send meanwhile behind all of this handler's.
            simulation.at(departure, () -> deliver(target, copy, fromHost, network.transmit(simulation.now(), copy.length, fromHost, target.host.index), fates));
        }

        private void deliver(Member target, byte[] copy, int fromHost, double arrival, long[] fates) {
            for (long delay : fates) {
                int targetEpoch = target.epoch;
                simulation.at(arrival + delay, () -> {
                    if (target.up && target.epoch == targetEpoch) {
                        delivered++;
                        target.host.enqueue(new Job(target, () -> target.node.receive(address, copy), copy.length, fromHost));
                    }
                });
            }
        }

        @Override
        public Timer after(long delayNanos, Runnable action) {
            int myEpoch = epoch;
            return simulation.at(now() + Math.max(0, delayNanos), () -> {
                if (up && epoch == myEpoch) {
                    host.enqueue(new Job(this, action, -1, -1));
                }
            });
        }

        @Override
        public void work(Work kind, double instructions) {
            if (!(instructions >= 0) || Double.isInfinite(instructions)) {
                throw new IllegalStateException("node " + address + " charged " + instructions + " instructions of " + kind + "; check its parameters");
            }
            if (!inHandler) {
                throw new IllegalStateException("node " + address + " charged work outside a handler");
            }
            charge(kind, kind.isUserCode() ? host.hardware.userNanos(instructions) : host.hardware.kernelNanos(instructions));
        }

        @Override
        public double parameter(String name) {
            Double value = parameters.get(name);
            if (value == null) {
                throw new IllegalStateException("node " + address + " (" + node.getClass().getSimpleName() + ") has no parameter '" + name + "'; add it to its system's parameter file");
            }
            return value;
        }

        @Override
        public Storage storage(String name) {
            return disks.computeIfAbsent(name, n -> new SimulatedDisk(this, n));
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        void crash() {
            up = false;
            epoch++;
        }

        void restart(Node replacement) {
            node = replacement;
            up = true;
            epoch++;
            start();
        }
    }

    /**
     * A node's disk: one arm, served first come first served; each request costs the node's
     * {@code disk_access_ms} (seek and rotational wait) plus its bytes at {@code disk_transfer_mbs}, or as long as
     * the node's {@link DiskTiming} says. Contents survive a crash of the node.
     */
    private final class SimulatedDisk implements Storage {
        private final Member owner;
        private final String name;
        private final org.asfast.sim.FifoResource arm;
        private static final int PAGE = 4096;
        private final Map<Long, byte[]> pages = new HashMap<>();
        private long size;

        SimulatedDisk(Member owner, String name) {
            this.owner = owner;
            this.name = name;
            this.arm = new org.asfast.sim.FifoResource(simulation, "disk of node " + owner.address);
        }

        private double serviceNanos(int length) {
            return owner.parameter("disk_access_ms") * 1e6 + length / (owner.parameter("disk_transfer_mbs") * (1 << 20)) * 1e9;
        }

        @Override
        public void read(long offset, int length, java.util.function.Consumer<byte[]> done) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                byte[] page = pages.get((offset + i) / PAGE);
                data[i] = page == null ? 0 : page[(int) ((offset + i) % PAGE)];
            }
            finish(book(offset, length), () -> done.accept(data));
        }

        @Override
        public void write(long offset, byte[] data, boolean durable, Runnable done) {
            for (int i = 0; i < data.length; i++) {
                pages.computeIfAbsent((offset + i) / PAGE, p -> new byte[PAGE])[(int) ((offset + i) % PAGE)] = data[i];
            }
            size = Math.max(size, offset + data.length);
            double at = book(offset, data.length);
            int myEpoch = owner.epoch;
            simulation.at(durable ? at : owner.now(), () -> {
                if (owner.up && owner.epoch == myEpoch) {
                    owner.host.enqueue(new Job(owner, done, -1, -1));
                }
            });
        }

        /** Queues a transfer now; returns when it ends. */
        private double book(long offset, int length) {
            return owner.diskTiming != null ? owner.diskTiming.book(owner.now(), name, offset, length) : arm.reserveFrom(owner.now(), serviceNanos(length));
        }

        private void finish(double at, Runnable done) {
            int myEpoch = owner.epoch;
            simulation.at(at, () -> {
                if (owner.up && owner.epoch == myEpoch) {
                    owner.host.enqueue(new Job(owner, done, -1, -1));
                }
            });
        }

        @Override
        public long size() {
            return size;
        }
    }
}
