package org.asfast.v;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Ipc;
import org.junit.jupiter.api.Test;

/** VMTP over a lossy network: every Send completes, each request executes once, and a dead server is an error, not a hang. */
class VFaultsTest {
    private static final int[] SIZES = {0, 100, 1024, 3000, 8192, 16384};

    @Test
    void everySendCompletesAndExecutesExactlyOnceDespiteLossAndDuplication() {
        VPlatform p = new VPlatform("test", VParameters.on("Sun3", List.of()), Faults.parse("drop=0.1,dup=0.05,seed=11"));
        Ipc.Server server = p.server(Ipc.Where.REMOTE);
        int sends = 0;
        for (int round = 0; round < 40; round++) {
            for (Ipc.Transfer transfer : Ipc.Transfer.values()) {
                int bytes = SIZES[(round + transfer.ordinal()) % SIZES.length];
                assertEquals(bytes, p.send(server, transfer, bytes), transfer + " of " + bytes + " bytes");
                sends++;
            }
        }
        SegmentServer s = serverOf(server);
        assertEquals(sends, s.executions(), "the server must execute each transaction once");
        VKernel client = p.simulation().clientKernel();
        VKernel host = p.simulation().serverKernel();
        assertTrue(p.simulation().cluster().dropped() > 0 && p.simulation().cluster().duplicated() > 0, "the fault schedule should drop and duplicate");
        assertTrue(client.retransmissions() + host.retransmissions() > 0, "losses must be recovered by retransmission");
        assertTrue(host.duplicatesSuppressed() > 0, "duplicated requests must be suppressed");
    }

    @Test
    void sameSeedGivesTheSameRun() {
        double[] times = new double[2];
        long[] retransmissions = new long[2];
        for (int i = 0; i < 2; i++) {
            VPlatform p = new VPlatform("test", VParameters.on("Sun3", List.of()), Faults.parse("drop=0.1,dup=0.05,seed=3"));
            Ipc.Server server = p.server(Ipc.Where.REMOTE);
            for (int k = 0; k < 20; k++) {
                p.send(server, Ipc.Transfer.REPLY_SEGMENT, 4096);
            }
            times[i] = p.clock().nanos();
            retransmissions[i] = p.simulation().clientKernel().retransmissions();
        }
        assertEquals(times[0], times[1]);
        assertEquals(retransmissions[0], retransmissions[1]);
        assertTrue(retransmissions[0] > 0);
    }

    @Test
    void segmentDataArrivesIntactThroughMoveToAndTheReply() {
        VPlatform p = new VPlatform("test", VParameters.on("Sun3", List.of()), Faults.parse("drop=0.1,dup=0.05,reorder=0.1,delay=0-1ms,seed=5"));
        VSimulation v = p.simulation();
        int server = v.spawn(new SegmentServer(), true);
        for (Ipc.Transfer transfer : List.of(Ipc.Transfer.REPLY_SEGMENT, Ipc.Transfer.MOVE_TO)) {
            VKernel.Reply reply = v.call(done -> v.clientKernel().send(v.clientPid(), server, SegmentServer.request(transfer, 5000),
                    new byte[0], new byte[0], transfer == Ipc.Transfer.MOVE_TO ? 5000 : 0, done::accept));
            byte[] got = transfer == Ipc.Transfer.MOVE_TO ? reply.buffer() : reply.segment();
            byte[] expected = new byte[5000];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = SegmentServer.expected(i);
            }
            assertArrayEquals(expected, got, transfer + " delivered other bytes");
        }
    }

    @Test
    void crashedServerGivesTheCallerAOneLineErrorAfterItsTimeout() {
        VPlatform p = new VPlatform("test", VParameters.on("Sun3", List.of()), Faults.NONE);
        Ipc.Server server = p.server(Ipc.Where.REMOTE);
        p.send(server, Ipc.Transfer.REPLY_SEGMENT, 1024);
        p.simulation().cluster().crash(p.simulation().serverNode());
        long before = p.clock().nanos();
        ServerUnreachable e = assertThrows(ServerUnreachable.class, () -> p.send(server, Ipc.Transfer.REPLY_SEGMENT, 1024));
        double waitedMs = (p.clock().nanos() - before) / 1e6;
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        double timeout = p.simulation().parameters().number("vmtp_timeout_ms");
        double retries = p.simulation().parameters().number("vmtp_retries");
        assertEquals((retries + 1) * timeout, waitedMs, timeout / 2, "the caller gives up after its retransmissions, not before, not never");
    }

    private static SegmentServer serverOf(Ipc.Server server) {
        return ((VPlatform.Process) server).server();
    }
}
