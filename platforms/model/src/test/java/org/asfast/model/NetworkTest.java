package org.asfast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Remote calls as messages on the kernel: one call's cost by hand, clients queueing at one server, retransmission. */
class NetworkTest {
    private static final ModelSpec SUN3_NFS = new ModelSpec(ModelRow.find("sun3-sunos3.5-nfs"), ModelParameters.bundled());

    @Test
    void oneCallCostsBothCpusPacketWorkTheWireAndTheServersWork() {
        Simulation sim = new Simulation();
        Hardware client = new Hardware(sim, SUN3_NFS);
        Hardware server = new Hardware(sim, SUN3_NFS);
        new Network(sim, SUN3_NFS).call(client, server, 128, 3000, () -> server.user(900));
        MachineHardware sun3 = Machines.hardware("Sun3");
        double rpc = SUN3_NFS.number("rpc_instructions");
        double copyNanosPerByte = 1e9 / (sun3.memoryMbs().number() * Hardware.MBYTE); // the Sun3 has no cache
        double request = 2 * (sun3.kernelNanos(1 * 1000) + 128 * copyNanosPerByte) + sun3.wireNanos(128); // one packet, out and in
        double reply = 2 * (sun3.kernelNanos(2 * 1000) + 3000 * copyNanosPerByte) + sun3.wireNanos(3000); // two packets
        double expected = request + sun3.kernelNanos(rpc) + sun3.userNanos(900) + reply + sun3.kernelNanos(rpc);
        assertEquals(expected, sim.now(), 1e-6 * expected);
    }

    @Test
    void requestsFromTwoClientsQueueAtTheServer() {
        double work = 5e6; // the server's work for each request, ns: far longer than everything else in a call
        double alone = twoClients(work, false)[0];
        double[] both = twoClients(work, true);
        assertTrue(both[0] < alone + work / 10, "the first served finishes about as if alone: " + both[0] + " vs " + alone);
        assertTrue(both[1] >= both[0] + work, "the second waits for the server to finish the first: " + both[0] + ", " + both[1]);
        assertTrue(both[1] - both[0] < alone, "then the server's part of one call, less than a whole call: " + both[1]);
    }

    /** When each client's call completes; with {@code concurrent} false only the first client calls. */
    private static double[] twoClients(double workNanos, boolean concurrent) {
        Simulation sim = new Simulation();
        Hardware server = new Hardware(sim, SUN3_NFS);
        Network net = new Network(sim, SUN3_NFS);
        double[] done = {Double.NaN, Double.NaN};
        for (int c = 0; c < (concurrent ? 2 : 1); c++) {
            int client = c;
            net.send(new Hardware(sim, SUN3_NFS), server, 128, 128, () -> server.clock.advance(workNanos), () -> done[client] = sim.now());
        }
        sim.run();
        return done;
    }

    @Test
    void lostMessagesAreSentAgainAfterTheTimeoutAndEveryCallCompletes() {
        List<Double> first = lossyCalls(7);
        assertEquals(first, lossyCalls(7), "the same seed gives the same run");
        assertTrue(!first.equals(lossyCalls(8)), "another seed, another fault schedule");
    }

    /** 200 calls over a network losing 30% of datagrams; returns each call's time, then retransmissions and executions. */
    private static List<Double> lossyCalls(long seed) {
        Simulation sim = new Simulation();
        Hardware client = new Hardware(sim, SUN3_NFS);
        Hardware server = new Hardware(sim, SUN3_NFS);
        double timeout = 100e6;
        Network net = new Network(sim, SUN3_NFS, Faults.parse("drop=0.3,dup=0.1,seed=" + seed), timeout);
        int[] executions = {0};
        List<Double> times = new ArrayList<>();
        int calls = 200;
        int slow = 0;
        for (int i = 0; i < calls; i++) {
            double start = sim.now();
            net.call(client, server, 128, 128, () -> executions[0]++);
            double took = sim.now() - start;
            times.add(took);
            if (took > timeout) {
                slow++;
            }
        }
        assertTrue(net.retransmissions() > 20, "about half the calls lose a request or a reply: " + net.retransmissions());
        assertEquals(slow, times.stream().filter(t -> t > timeout).count());
        assertTrue(slow > 0 && slow <= net.retransmissions(), "a call that waited out a timeout was sent again: " + slow + " of " + net.retransmissions());
        assertTrue(executions[0] >= calls, "every call ran on the server at least once: " + executions[0]);
        assertTrue(executions[0] > calls, "a lost reply or a duplicate runs the call again (no duplicate cache): " + executions[0]);
        times.add((double) net.retransmissions());
        times.add((double) executions[0]);
        return times;
    }

    @Test
    void aLostMessageWithoutATimeoutIsAnErrorNotAHang() {
        Simulation sim = new Simulation();
        Hardware client = new Hardware(sim, SUN3_NFS);
        Network net = new Network(sim, SUN3_NFS, Faults.parse("drop=1"), Double.POSITIVE_INFINITY);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.call(client, new Hardware(sim, SUN3_NFS), 128, 128, () -> { }));
        assertTrue(e.getMessage().contains("never came"), e.getMessage());
    }
}
