package org.asfast.rmem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.junit.jupiter.api.Test;

/**
 * READ, WRITE and CAS on a network that loses 10% of the cells and repeats 5%, simulated and live: with retransmission
 * every operation completes exactly once (each answer once; each CAS and WRITE executed once, which a counter built by
 * CAS would show); the paper's kernel, without it, loses operations on the same network.
 */
class FaultsTest {
    private static final Faults LOSSY = Faults.parse("drop=0.1,dup=0.05,seed=7");
    private static final int ROUNDS = 40;

    @Test
    void simulatedEveryOperationCompletesExactlyOnceUnderLossAndDuplication() {
        RmemRounds.Outcome o = RmemRounds.simulate(RmemSimulated.parameters(), LOSSY, 3, ROUNDS);
        assertEquals(List.of(), o.wrong());
        assertEquals(3 * ROUNDS, o.finished(), "every round finished");
        assertEquals(0, o.answeredTwice(), "no operation answered twice");
        assertEquals(3 * ROUNDS, o.increments());
        assertEquals(o.increments(), o.counter(), "each CAS executed once: the counter holds exactly the increments reported");
        assertTrue(o.exactlyOnce());
        assertTrue(o.retransmissions() > 0 && o.repeats() > 0, "the faults were felt: " + o);
    }

    @Test
    void simulatedThePapersKernelWithoutRetransmissionLosesOperationsOnTheSameNetwork() {
        RmemRounds.Outcome o = RmemRounds.simulate(RmemSimulated.parameters().with("retransmit_on_faults_us", 0), LOSSY, 3, ROUNDS);
        assertTrue(o.finished() < 3 * ROUNDS && !o.exactlyOnce(), "a lost cell stops its machine's rounds: " + o);
        assertEquals(0, o.retransmissions());
    }

    @Test
    void liveEveryOperationCompletesExactlyOnceUnderLossAndDuplication() {
        try (RmemLive live = new RmemLive("drop=0.1,dup=0.05,seed=11")) {
            Descriptor bench = live.importSegment(LiveMachines.BENCH);
            int increments = 0;
            int expected = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int[] r = live.cas(bench, 0, expected, expected + 1);
                assertEquals(1, r[0], "one client: every CAS from the counter's value swaps, round " + round);
                increments++;
                expected++;
                byte[] data = new byte[120];
                Arrays.fill(data, (byte) round);
                live.write(bench, 40, data);
                assertArrayEquals(data, live.read(bench, 40, 120), "round " + round);
            }
            assertEquals(increments, ByteBuffer.wrap(live.read(bench, 0, 4)).getInt(), "each CAS executed once");
            assertTrue(live.client().retransmissions() > 0, "the faults were felt");
        }
    }
}
