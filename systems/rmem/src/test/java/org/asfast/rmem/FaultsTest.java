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

    /**
     * A machine that rewrites the first {@link #TORN_BYTES} of its segment with one value, the next value four times in
     * each retransmission interval, so the segment has changed by the time a READ is sent again.
     */
    static final class Rewriter extends RemoteMemoryTest.Exporter {
        boolean stopped;
        byte value;

        void rewrite() {
            if (!stopped) {
                Arrays.fill(memory(segment), 0, TORN_BYTES, ++value);
                context().after(Math.round(context().parameter("retransmit_us") * 1e3 / 4), this::rewrite);
            }
        }
    }

    private static final int TORN_BYTES = 64;

    /**
     * A 64-byte READ is two stamped cells. If a lost piece made the reader send the READ again and the target executed
     * it again, the pieces could come from two instants, the segment rewritten between (this once gave a live importer
     * a registry entry whose VALID word was new and whose size was still 0): every READ must return one value throughout.
     */
    @Test
    void simulatedAMultiCellReadReturnsOneInstantsDataThoughItsPiecesWereSentAgain() {
        RmemSimulated sim = new RmemSimulated(RmemSimulated.parameters(), Faults.parse("drop=0.2,seed=3"));
        RemoteMemoryTest.Exporter reader = new RemoteMemoryTest.Exporter();
        Rewriter holder = new Rewriter();
        sim.add(reader);
        sim.add(holder);
        sim.boot();
        Descriptor segment = holder.export(holder.segment);
        sim.invoke(1, k -> holder.rewrite());
        List<String> torn = new java.util.ArrayList<>();
        int[] left = {200};
        sim.run(0, k -> readUntilDone(k, segment, left, torn), () -> left[0] == 0, "200 reads");
        holder.stopped = true;
        assertTrue(reader.retransmissions() > 20, "pieces were lost and READs sent again: " + reader.retransmissions());
        assertTrue(holder.repeats() > 0, "repeated READs were answered from the kept cells");
        assertTrue(holder.keptReplies(0) <= 1, "only the last READ's cells may still be kept: " + holder.keptReplies(0));
        assertEquals(List.of(), torn, "READs whose pieces came from two instants");
    }

    private static void readUntilDone(RmemKernel k, Descriptor segment, int[] left, List<String> torn) {
        k.read(segment, 0, TORN_BYTES, ((RemoteMemoryTest.Exporter) k).segment, 0, false, (data, error) -> {
            if (error != null) {
                torn.add(error);
            } else if (data[0] != data[TORN_BYTES - 1]) {
                torn.add("read " + (200 - left[0]) + ": first byte " + data[0] + ", last " + data[TORN_BYTES - 1]);
            }
            if (--left[0] > 0) {
                readUntilDone(k, segment, left, torn);
            }
        });
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
