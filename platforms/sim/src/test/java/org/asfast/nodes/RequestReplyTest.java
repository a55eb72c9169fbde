package org.asfast.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.Ethernet;
import org.asfast.sim.cluster.Hardware;
import org.asfast.sim.cluster.SimulatedCluster;
import org.junit.jupiter.api.Test;

/** RequestReply in simulation: exactly-once under loss and duplication, and a timeout for a crashed server. */
class RequestReplyTest {
    private static final Hardware ONE_MIPS = new Hardware("test", 1, 1, 1);
    private static final long RETRANSMIT = 20_000_000; // 20 ms, a few round trips of the 8 Mbit/s test Ethernet

    /** Adds 1 to a counter per call and replies with the count, so a call executed twice shows. */
    static final class Counter implements Node {
        RequestReply rpc;
        int value;

        @Override
        public void start(NodeContext context) {
            rpc = new RequestReply(context, RETRANSMIT, 10).serve((caller, request, reply) -> {
                value++;
                reply.send(ByteBuffer.allocate(4).putInt(value).array());
            });
        }

        @Override
        public void receive(int from, byte[] message) {
            rpc.receive(from, message);
        }
    }

    /** Makes calls one after another and keeps what came back. */
    static final class Caller implements Node {
        RequestReply rpc;
        final List<Integer> replies = new ArrayList<>();
        String failure;

        @Override
        public void start(NodeContext context) {
            rpc = new RequestReply(context, RETRANSMIT, 10);
        }

        @Override
        public void receive(int from, byte[] message) {
            rpc.receive(from, message);
        }

        void callNext(int server, int remaining) {
            if (remaining == 0) {
                return;
            }
            rpc.call(server, new byte[16], reply -> {
                replies.add(ByteBuffer.wrap(reply).getInt());
                callNext(server, remaining - 1);
            }, message -> failure = message);
        }
    }

    private static SimulatedCluster cluster(Simulation sim, String faults) {
        return new SimulatedCluster(sim, new Ethernet(sim, 8, 1000, 0, 10), Faults.parse(faults));
    }

    @Test
    void withLossAndDuplicationEveryCallCompletesAndRunsExactlyOnce() {
        Simulation sim = new Simulation();
        SimulatedCluster cluster = cluster(sim, "drop=0.1,dup=0.05,seed=7");
        Counter server = new Counter();
        Caller caller = new Caller();
        int s = cluster.addNode(cluster.addHost(ONE_MIPS), server, Map.of());
        int c = cluster.addNode(cluster.addHost(ONE_MIPS), caller, Map.of());
        int calls = 500;
        cluster.invoke(c, () -> caller.callNext(s, calls));
        assertTrue(cluster.runUntil(() -> caller.replies.size() == calls || caller.failure != null, 1e12));

        assertNull(caller.failure);
        assertEquals(calls, server.value, "the server executed each call exactly once");
        assertEquals(calls, server.rpc.executions());
        for (int i = 0; i < calls; i++) {
            assertEquals(i + 1, caller.replies.get(i), "call " + i + " got its own execution's reply");
        }
        assertTrue(caller.rpc.retransmissions() > 0, "10% loss forces retransmissions");
        assertTrue(server.rpc.duplicateRequests() > 0, "retransmitted or duplicated requests were answered from the cache");
        assertTrue(cluster.dropped() > 0 && cluster.duplicated() > 0);
        assertEquals(0, caller.rpc.outstanding());
    }

    @Test
    void aCrashedServerGivesTheCallerAOneLineErrorAfterItsTimeout() {
        Simulation sim = new Simulation();
        SimulatedCluster cluster = cluster(sim, "");
        Counter server = new Counter();
        Caller caller = new Caller();
        int s = cluster.addNode(cluster.addHost(ONE_MIPS), server, Map.of());
        int c = cluster.addNode(cluster.addHost(ONE_MIPS), caller, Map.of());
        cluster.invoke(c, () -> caller.callNext(s, 1));
        assertTrue(cluster.runUntil(() -> caller.replies.size() == 1, 1e12));
        cluster.crash(s);
        cluster.invoke(c, () -> caller.callNext(s, 1));
        assertTrue(cluster.runUntil(() -> caller.failure != null, 1e12), "the call fails instead of hanging");

        assertEquals("no reply from node 0 after 10 attempts over 200 ms; it may have crashed or be unreachable", caller.failure);
        assertFalse(caller.failure.contains("\n"));
        assertEquals(200e6, sim.now(), 50e6, "it fails after its 10 attempts of 20 ms, not before or much later");
        assertEquals(9, caller.rpc.retransmissions());
        assertEquals(1, caller.rpc.failures());
    }
}
