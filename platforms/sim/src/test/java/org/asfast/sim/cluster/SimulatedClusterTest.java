package org.asfast.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.sim.Simulation;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {
    /** 1 MIPS, kernel at the rating, 1 Mbyte/s memory: an instruction is a microsecond. */
    private static final Hardware ONE_MIPS = new Hardware("test", 1, 1, 1);

    /** Answers every datagram with an empty one after 100 instructions of procedure. */
    static final class Echo implements Node {
        NodeContext context;
        int received;

        @Override
        public void start(NodeContext context) {
            this.context = context;
        }

        @Override
        public void receive(int from, byte[] message) {
            received++;
            context.work(Work.PROCEDURE, 100);
            context.send(from, new byte[0]);
        }
    }

    /** Records when replies arrive. */
    static final class Client implements Node {
        NodeContext context;
        final List<Long> replies = new ArrayList<>();

        @Override
        public void start(NodeContext context) {
            this.context = context;
        }

        @Override
        public void receive(int from, byte[] message) {
            replies.add(context.nanos());
        }
    }

    private static SimulatedCluster cluster(Simulation sim, Faults faults) {
        // 8 Mbit/s: a byte a microsecond; 1000-byte packets; no header; 10 instructions a packet.
        return new SimulatedCluster(sim, new Ethernet(sim, 8, 1000, 0, 10), faults);
    }

    @Test
    void aRoundTripCostsPacketWorkWireAndProcedureOnEachSide() {
        Simulation sim = new Simulation();
        SimulatedCluster cluster = cluster(sim, Faults.NONE);
        Client client = new Client();
        Echo echo = new Echo();
        int c = cluster.addNode(cluster.addHost(ONE_MIPS), client, Map.of());
        int s = cluster.addNode(cluster.addHost(ONE_MIPS), echo, Map.of());
        sim.run();
        double start = sim.now();
        cluster.invoke(c, () -> client.context.send(s, new byte[100]));
        assertTrue(cluster.runUntil(() -> !client.replies.isEmpty(), Double.MAX_VALUE));
        // out: 10 us packet work + a 100-byte copy on the client, 100 us wire, 10 us + 100 us copy on the server;
        // 100 us procedure; back: 10 us packet work, 0 wire bytes, 10 us on the client.
        double copy = 100 / (double) (1 << 20) * 1e9;
        double expected = 10_000 + copy + 100_000 + 10_000 + copy + 100_000 + 10_000 + 0 + 10_000;
        assertEquals(expected, client.replies.get(0) - start, 1.0);
        assertEquals(100_000, cluster.busyNanos(s, Work.PROCEDURE), 1e-6);
    }

    @Test
    void aBusyServerQueuesRequestsFirstComeFirstServed() {
        Simulation sim = new Simulation();
        SimulatedCluster cluster = cluster(sim, Faults.NONE);
        Client a = new Client();
        Client b = new Client();
        Echo echo = new Echo();
        int ha = cluster.addHost(ONE_MIPS);
        int na = cluster.addNode(ha, a, Map.of());
        int nb = cluster.addNode(ha, b, Map.of());
        int s = cluster.addNode(ha, echo, Map.of());
        sim.run();
        cluster.invoke(na, () -> a.context.send(s, new byte[0]));
        cluster.invoke(nb, () -> b.context.send(s, new byte[0]));
        sim.run();
        // One CPU, first come first served: a's reply is handled only after b's request is served.
        assertEquals(200_000, a.replies.get(0));
        assertEquals(200_000, b.replies.get(0));
        assertEquals(2, echo.received);
    }

    @Test
    void theSameSeedGivesTheSameFaultScheduleAndLossesAreCounted() {
        List<Integer> first = deliveries(7);
        assertEquals(first, deliveries(7));
        assertFalse(first.equals(deliveries(8)));
    }

    private static List<Integer> deliveries(long seed) {
        Simulation sim = new Simulation();
        SimulatedCluster cluster = cluster(sim, new Faults(0.3, 0.2, 0.1, 0, 1_000_000, seed));
        List<Integer> seen = new ArrayList<>();
        Node sink = new Node() {
            @Override
            public void start(NodeContext context) {
            }

            @Override
            public void receive(int from, byte[] message) {
                seen.add(message[0] & 0xff);
            }
        };
        Client sender = new Client();
        int s = cluster.addNode(cluster.addHost(ONE_MIPS), sender, Map.of());
        int r = cluster.addNode(cluster.addHost(ONE_MIPS), sink, Map.of());
        sim.run();
        cluster.invoke(s, () -> {
            for (int i = 0; i < 200; i++) {
                sender.context.send(r, new byte[] {(byte) i});
            }
        });
        sim.run();
        assertEquals(200 - cluster.dropped() + cluster.duplicated(), seen.size());
        assertTrue(cluster.dropped() > 0 && cluster.duplicated() > 0);
        return seen;
    }

    @Test
    void aCrashedNodeGetsNothingUntilItRestartsAndAMissingParameterIsNamed() {
        Simulation sim = new Simulation();
        SimulatedCluster cluster = cluster(sim, Faults.NONE);
        Client client = new Client();
        Echo echo = new Echo();
        int c = cluster.addNode(cluster.addHost(ONE_MIPS), client, Map.of());
        int s = cluster.addNode(cluster.addHost(ONE_MIPS), echo, Map.of());
        sim.run();
        cluster.crash(s);
        cluster.invoke(c, () -> client.context.send(s, new byte[1]));
        sim.run();
        assertEquals(0, echo.received);
        Echo again = new Echo();
        cluster.restart(s, again);
        cluster.invoke(c, () -> client.context.send(s, new byte[1]));
        sim.run();
        assertEquals(1, again.received);
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> client.context.parameter("rpc_instructions"));
        assertTrue(missing.getMessage().contains("rpc_instructions"));
    }

    @Test
    void faultSettingsParseAndBadOnesSayHowToWriteThem() {
        assertEquals("drop=0.1,dup=0.05,delay=0.0-2.0ms,reorder=0.0,seed=7", Faults.parse("drop=0.1,dup=0.05,delay=0-2ms,seed=7").toString());
        assertTrue(Faults.parse("none").none());
        for (String bad : List.of("drop=2", "drop", "loss=0.1", "delay=5", "seed=x", "dup=NaN", "drop=0.1,drop=0.2", "dup=0.1,duplicate=0.1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Faults.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"), bad);
        }
    }

    @Test
    void aWireWithAMinimumPadsShortDatagramsToItAndLongerOnesCostTheirBytes() {
        Simulation sim = new Simulation();
        Ethernet cells = new Ethernet(sim, 8, 52, 1, 0, false, false, 52); // 8 Mb/s: a byte a microsecond
        assertEquals((52 + 1) * 1000.0, cells.wireNanos(12), 1e-9, "a 12-byte message in a 52-byte cell, its check byte too");
        assertEquals(cells.wireNanos(52), cells.wireNanos(0), 1e-9);
        Ethernet plain = new Ethernet(sim, 8, 52, 1, 0);
        assertEquals((12 + 1) * 1000.0, plain.wireNanos(12), 1e-9, "no minimum: its own bytes");
        assertThrows(IllegalArgumentException.class, () -> new Ethernet(sim, 8, 52, 1, 0, false, false, 53), "a minimum past a packet");
        assertThrows(IllegalArgumentException.class, () -> cells.transmit(0, 53, 0, 1), "a datagram past a packet");
    }

    @Test
    void anInterfaceThatTransmitsOneAtATimeWithDmaDelaysTheNextPacketUntilTheWireIsFree() {
        Simulation sim = new Simulation();
        // 8 Mbit/s: a byte a microsecond; 10 instructions a packet; one transmit at a time, no sender copy.
        SimulatedCluster cluster = new SimulatedCluster(sim, new Ethernet(sim, 8, 1000, 0, 10, true, true), Faults.NONE);
        Client sender = new Client();
        Client receiver = new Client();
        int a = cluster.addNode(cluster.addHost(ONE_MIPS), sender, Map.of());
        int b = cluster.addNode(cluster.addHost(ONE_MIPS), receiver, Map.of());
        sim.run();
        double start = sim.now();
        cluster.invoke(a, () -> {
            sender.context.send(b, new byte[1000]);
            sender.context.send(b, new byte[1000]);
        });
        assertTrue(cluster.runUntil(() -> receiver.replies.size() == 2, Double.MAX_VALUE));
        // first: 10 us set-up, 1000 us wire; second: set up after the first left (1010), 10 us, 1000 us wire -> 2020;
        // the receiver copies each packet out (1000 bytes at 1 MB/s) after 10 us of driver work.
        double copy = 1000 / (double) (1 << 20) * 1e9;
        assertEquals(2020_000 + 10_000 + copy, receiver.replies.get(1) - start, 1.0);
        assertEquals(20_000, cluster.busyNanos(a, Work.DATA_TRANSFER), 1e-6, "waiting for the interface is not work");
    }

    @Test
    void aNodesStorageTakesAsLongAsItsDiskTimingSays() {
        Simulation sim = new Simulation();
        SimulatedCluster c = cluster(sim, Faults.NONE);
        List<String> booked = new ArrayList<>();
        DiskTiming disk = (arrival, storage, offset, bytes) -> {
            booked.add(storage + "@" + offset + "+" + bytes);
            return arrival + 5_000_000; // every request 5 ms
        };
        Client node = new Client();
        int address = c.addNode(c.addHost(ONE_MIPS), node, Map.of(), disk);
        sim.run();
        double[] done = new double[2];
        c.invoke(address, () -> {
            node.context.storage("inodes").write(512, new byte[256], true, () -> done[0] = sim.now());
            node.context.storage("data").read(0, 4096, bytes -> done[1] = sim.now());
        });
        sim.run();
        assertEquals(List.of("inodes@512+256", "data@0+4096"), booked, "each request, with its storage, offset and length");
        assertEquals(5e6, done[0], 1e-6, "the write is on disk when the timing says");
        assertEquals(5e6, done[1], 1e-6, "no disk_access_ms needed: the timing decides, and queues, itself");
    }
}
