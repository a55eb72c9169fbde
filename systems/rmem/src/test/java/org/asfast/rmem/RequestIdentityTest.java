package org.asfast.rmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import org.asfast.nodes.Faults;
import org.asfast.rmem.RemoteMemoryTest.Exporter;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.junit.jupiter.api.Test;

/**
 * With retransmission a target answers a repeated CAS from the reply it kept, so a new request must never be taken
 * for an old one: not after its source sent 65,534 requests elsewhere (a 16-bit tag shared by all targets, 0 left out,
 * comes round to the CAS's again), nor after its source restarted (its numbering starts again). Machines: 0 the source, 1 and 2 targets.
 */
class RequestIdentityTest {
    private final RmemSimulated sim = new RmemSimulated(RmemSimulated.parameters().with("retransmit_us", 20_000), Faults.NONE);
    private final Exporter[] machines = {new Exporter(), new Exporter(), new Exporter()};
    private final Descriptor word;
    private final Descriptor other;

    RequestIdentityTest() {
        for (Exporter m : machines) {
            sim.add(m);
        }
        sim.boot();
        word = machines[1].export(machines[1].segment);
        other = machines[2].export(machines[2].segment);
    }

    /** Runs one operation on machine 0 to its end; returns its result (an error fails the test). */
    private byte[] run(BiConsumer<RmemKernel, RmemKernel.Completion> op) {
        byte[][] result = {null};
        String[] error = {null};
        boolean[] done = {false};
        sim.run(0, k -> op.accept(k, (r, e) -> {
            result[0] = r;
            error[0] = e;
            done[0] = true;
        }), () -> done[0], "test operation");
        assertNull(error[0]);
        return result[0];
    }

    private int[] cas(int expected, int replacement) {
        byte[] r = run((k, done) -> k.cas(word, 0, expected, replacement, done));
        return new int[] {AtmCell.intAt(r, 0), AtmCell.intAt(r, 1)};
    }

    private int wordValue() {
        return AtmCell.intAt(machines[1].memory(machines[1].segment), 0);
    }

    @Test
    void aCasAfter65534RequestsToAnotherMachineIsExecutedNotAnsweredFromAnOldReply() {
        assertEquals(1, cas(0, 1)[0]);
        int[] left = {65_534};
        run((k, done) -> readOther(k, left, done)); // the READs go to machine 2: the target of the CAS hears nothing of them
        int[] second = cas(1, 2);
        assertEquals(1, second[0], "the second CAS finds 1 and swaps");
        assertEquals(1, second[1], "the value it found");
        assertEquals(2, wordValue());
        assertEquals(0, machines[1].repeats(), "no request was taken for a repeat");
    }

    private void readOther(RmemKernel k, int[] left, RmemKernel.Completion done) {
        k.read(other, 0, 4, machines[0].segment, 0, false, (r, e) -> {
            if (e != null || --left[0] == 0) {
                done.completed(r, e);
            } else {
                readOther(k, left, done);
            }
        });
    }

    @Test
    void aRestartedSourcesFirstCasIsExecutedNotAnsweredFromItsPreviousLifesReply() {
        assertEquals(1, cas(0, 1)[0]);
        Exporter reborn = new Exporter();
        sim.restart(0, reborn);
        sim.settle();
        machines[0] = reborn;
        int[] second = cas(1, 2);
        assertEquals(1, second[0], "the restarted source's CAS finds 1 and swaps");
        assertEquals(1, second[1]);
        assertEquals(2, wordValue());
    }

    /** A CAS cell from machine 0 as its kernel in incarnation {@code incarnation} would send it (none awaited below it). */
    private byte[] casCell(int incarnation, int sequence, int expected, int replacement) {
        return new AtmCell(AtmCell.Op.CAS, false, false, word.segment(), 0, word.generation(), 0, AtmCell.ints(expected, replacement),
                new AtmCell.Stamp(incarnation, sequence)).encode();
    }

    private void deliverToTarget(byte[] cell) {
        sim.invoke(1, k -> k.receive(0, cell));
        sim.settle();
    }

    @Test
    void aLateCellFromASourcesEndedLifeIsDroppedAndLeavesTheNewLifesRepliesKept() {
        deliverToTarget(casCell(100, 1, 0, 1)); // the first life's CAS
        deliverToTarget(casCell(200, 1, 1, 2)); // the source restarted: its new life's first CAS
        deliverToTarget(casCell(100, 2, 2, 3)); // a cell of the first life, delayed past the restart
        assertEquals(2, wordValue(), "the ended life's late CAS is not executed");
        deliverToTarget(casCell(200, 1, 1, 2)); // the new life repeats its CAS, its answer lost
        assertEquals(2, wordValue());
        assertEquals(1, machines[1].repeats(), "the repeat is answered from the kept reply, not executed again");
    }

    @Test
    void aTargetForgetsTheRepliesItsSourceNoLongerAwaits() {
        for (int i = 0; i < 100; i++) {
            assertEquals(1, cas(i, i + 1)[0]);
        }
        assertEquals(100, wordValue());
        assertTrue(machines[1].keptReplies(0) <= 1, "only the last CAS's reply may still be kept: " + machines[1].keptReplies(0));
    }
}
