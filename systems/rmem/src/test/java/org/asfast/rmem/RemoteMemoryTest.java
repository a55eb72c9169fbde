package org.asfast.rmem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Work;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.junit.jupiter.api.Test;

/** READ, WRITE and CAS between simulated machines: data, atomicity, protection. */
class RemoteMemoryTest {
    /** A machine that exports one 4 KB segment at boot. */
    static class Exporter extends RmemKernel {
        int segment;

        @Override
        protected void started() {
            segment = allocate(4096);
        }
    }

    private record Cluster(RmemSimulated sim, List<Exporter> machines) {
    }

    private static Cluster machines(int n) {
        RmemSimulated sim = new RmemSimulated(RmemSimulated.parameters(), Faults.NONE);
        List<Exporter> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Exporter e = new Exporter();
            sim.add(e);
            all.add(e);
        }
        sim.boot();
        return new Cluster(sim, all);
    }

    private static String[] outcome(Cluster c, int on, java.util.function.BiConsumer<RmemKernel, RmemKernel.Completion> op, byte[][] result) {
        String[] error = {null};
        boolean[] done = {false};
        c.sim().run(on, k -> op.accept(k, (r, e) -> {
            result[0] = r;
            error[0] = e;
            done[0] = true;
        }), () -> done[0], "test operation");
        return error;
    }

    @Test
    void aWriteLandsInRemoteMemoryAndAReadBringsItBack() {
        Cluster c = machines(2);
        Exporter target = c.machines().get(1);
        Descriptor d = target.export(target.segment);
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 0, (k, done) -> k.write(d, 1000, data, false, false, Work.DATA_TRANSFER, done), result)[0]);
        c.sim().settle();
        assertArrayEquals(data, java.util.Arrays.copyOfRange(target.memory(target.segment), 1000, 1100));
        Exporter reader = c.machines().get(0);
        assertNull(outcome(c, 0, (k, done) -> k.read(d, 1000, 100, reader.segment, 8, false, done), result)[0]);
        assertArrayEquals(data, result[0]);
        assertArrayEquals(data, java.util.Arrays.copyOfRange(reader.memory(reader.segment), 8, 108), "deposited in the local segment");
    }

    @Test
    void racingCasesOnOneWordLetExactlyOneWin() {
        Cluster c = machines(4);
        Exporter target = c.machines().get(3);
        Descriptor d = target.export(target.segment);
        List<byte[]> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int me = i + 1;
            c.sim().invoke(i, k -> k.cas(d, 64, 0, me, (r, e) -> results.add(r)));
        }
        c.sim().settle();
        assertEquals(3, results.size());
        int winners = 0;
        for (byte[] r : results) {
            if (AtmCell.intAt(r, 0) == 1) {
                winners++;
                assertEquals(0, AtmCell.intAt(r, 1), "the winner saw the initial value");
            }
        }
        assertEquals(1, winners);
        int stored = AtmCell.intAt(target.memory(target.segment), 16);
        assertTrue(stored >= 1 && stored <= 3, "the word holds one of the three values: " + stored);
        for (byte[] r : results) {
            if (AtmCell.intAt(r, 0) == 0) {
                assertEquals(stored, AtmCell.intAt(r, 1), "a loser saw the winner's value");
            }
        }
    }

    /** A machine that boots, exports one segment at once and writes 99 into it: the first export of its life. */
    static final class RebootedExporter extends Exporter {
        @Override
        protected void started() {
            super.started();
            export(segment);
            memory(segment)[0] = 99;
        }
    }

    @Test
    void aDescriptorFromBeforeTheTargetRebootedGivesAProtectionErrorNotTheNewLifesData() {
        Cluster c = machines(2);
        Exporter target = c.machines().get(1);
        Descriptor old = target.export(target.segment);
        target.memory(target.segment)[0] = 42;
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 0, (k, done) -> k.read(old, 0, 4, 0, 0, false, done), result)[0]);
        assertEquals(42, result[0][0]);
        // The target crashes and boots again; its first export reuses the segment number the old descriptor names.
        RebootedExporter reborn = new RebootedExporter();
        c.sim().restart(1, reborn);
        c.sim().settle();
        assertEquals(old.segment(), reborn.segment);
        result[0] = null;
        String error = outcome(c, 0, (k, done) -> k.read(old, 0, 4, 0, 0, false, done), result)[0];
        assertNull(result[0], "not the new life's 99");
        assertTrue(error != null && error.startsWith("protection error"), String.valueOf(error));
        Descriptor fresh = reborn.descriptor(reborn.segment);
        assertNull(outcome(c, 0, (k, done) -> k.read(fresh, 0, 4, 0, 0, false, done), result)[0], "the new life's descriptor reads");
        assertEquals(99, result[0][0]);
    }

    @Test
    void aRevokedSegmentGivesAProtectionErrorNotStaleData() {
        Cluster c = machines(2);
        Exporter target = c.machines().get(1);
        Descriptor d = target.export(target.segment);
        target.memory(target.segment)[0] = 42;
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 0, (k, done) -> k.read(d, 0, 4, 0, 0, false, done), result)[0]);
        assertEquals(42, result[0][0]);
        c.sim().invoke(1, k -> k.revoke(target.segment));
        c.sim().settle();
        result[0] = null;
        String error = outcome(c, 0, (k, done) -> k.read(d, 0, 4, 0, 0, false, done), result)[0];
        assertNull(result[0], "no data");
        assertTrue(error.startsWith("protection error") && error.contains("revoked"), error);
        Descriptor again = target.export(target.segment);
        assertTrue(again.generation() > d.generation(), "a new export has a new generation");
        assertNull(outcome(c, 0, (k, done) -> k.cas(again, 0, 0, 1, done), result)[0]);
        assertEquals(1, c.machines().get(0).protectionErrors());
    }

    @Test
    void accessOutsideTheSegmentFailsLocallyWithItsRange() {
        Cluster c = machines(2);
        Exporter target = c.machines().get(1);
        Descriptor d = target.export(target.segment);
        String error = outcome(c, 0, (k, done) -> k.read(d, 4090, 40, 0, 0, false, done), new byte[1][])[0];
        assertTrue(error.startsWith("segment out of range") && error.contains("4096 bytes") && !error.contains("\n"), error);
        Descriptor lying = new Descriptor(d.node(), d.segment(), d.generation(), 1 << 20);
        String remote = outcome(c, 0, (k, done) -> k.write(lying, 8192, new byte[4], false, true, Work.DATA_TRANSFER, done), new byte[1][])[0];
        assertTrue(remote.contains("outside its bounds"), "the exporter's kernel checks too: " + remote);
    }

    @Test
    void namesAreExportedImportedAndRevokedThroughTheClerks() {
        Cluster c = machines(2);
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export("fonts", ((Exporter) k).segment, done), result)[0]);
        Descriptor exported = NameClerk.decode(result[0]);
        assertNull(outcome(c, 0, (k, done) -> k.clerk().lookup("fonts", 1, true, done), result)[0]);
        assertEquals(exported, NameClerk.decode(result[0]), "found by remote reads of the exporter's registry");
        assertEquals(1, c.machines().get(0).clerk().remoteProbes());
        assertNull(outcome(c, 0, (k, done) -> k.clerk().lookup("fonts", 1, false, done), result)[0]);
        assertEquals(1, c.machines().get(0).clerk().remoteProbes(), "the second import is answered from the cache");
        assertNull(outcome(c, 0, (k, done) -> k.clerk().lookupByControlTransfer("fonts", 1, done), result)[0]);
        assertEquals(exported, NameClerk.decode(result[0]), "and by control transfer");
        String unknown = outcome(c, 0, (k, done) -> k.clerk().lookup("fnots", 1, true, done), result)[0];
        assertTrue(unknown.startsWith("unknown name 'fnots'"), unknown);
        assertNull(outcome(c, 1, (k, done) -> k.clerk().revoke("fonts", done), result)[0]);
        String stale = outcome(c, 0, (k, done) -> k.read(exported, 0, 4, 0, 0, false, done), result)[0];
        assertTrue(stale.startsWith("protection error"), stale);
        String gone = outcome(c, 0, (k, done) -> k.clerk().lookup("fonts", 1, true, done), result)[0];
        assertTrue(gone.startsWith("unknown name"), "the registry's entry is deleted: " + gone);
    }

    /** Two names whose registry entries hash to the same slot. */
    private static String[] colliding() {
        java.util.Map<Integer, String> seen = new java.util.HashMap<>();
        for (int i = 0; ; i++) {
            String name = "n" + i;
            String other = seen.putIfAbsent(NameClerk.hashOf(NameClerk.key(name)), name);
            if (other != null) {
                return new String[] {other, name};
            }
        }
    }

    private static String lookupError(Cluster c, int on, String name, int hint) {
        return outcome(c, on, (k, done) -> k.clerk().lookup(name, hint, true, done), new byte[1][])[0];
    }

    @Test
    void aNameExportedAgainPastADeletedEntryIsEnteredOnceSoItsRevokeIsFinal() {
        String[] names = colliding();
        Cluster c = machines(2);
        int[] segments = new int[2];
        c.sim().run(1, k -> {
            segments[0] = ((Exporter) k).segment;
            segments[1] = k.allocate(4096);
        }, () -> true, "allocate");
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export(names[0], segments[0], done), result)[0]);
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export(names[1], segments[1], done), result)[0]); // one slot further
        assertNull(outcome(c, 1, (k, done) -> k.clerk().revoke(names[0], done), result)[0]); // its slot is now deleted
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export(names[1], segments[1], done), result)[0], "exported again: a new generation");
        assertNull(outcome(c, 1, (k, done) -> k.clerk().revoke(names[1], done), result)[0]);
        String gone = lookupError(c, 0, names[1], 1);
        assertTrue(gone != null && gone.startsWith("unknown name"), "no second entry of the name survives its revoke: " + gone);
        String other = outcome(c, 1, (k, done) -> k.clerk().export(names[1], segments[0], done), result)[0];
        assertNull(other, "after its revoke the name may name another segment");
        String twice = outcome(c, 1, (k, done) -> k.clerk().export(names[1], segments[1], done), result)[0];
        assertTrue(twice != null && twice.contains("exported already") && twice.contains("revoke it first"), String.valueOf(twice));
    }

    @Test
    void aLocalExportDoesNotTakeASlotARemotePublisherHasClaimed() {
        String[] names = colliding();
        Cluster c = machines(2);
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export(names[0], ((Exporter) k).segment, done), result)[0]);
        byte[] registry = c.machines().get(0).memory(NameClerk.REGISTRY);
        int claimed = NameClerk.hashOf(NameClerk.key(names[0])) * NameClerk.ENTRY;
        String[] published = {"not yet"};
        // Machine 1 publishes its name in machine 0's registry: a CAS claims the slot, a WRITE fills it. Stop in between.
        c.sim().run(1, k -> k.clerk().publish(names[0], 0, (r, e) -> published[0] = e), () -> java.nio.ByteBuffer.wrap(registry).getInt(claimed) == 3,
                "the publisher's claim");
        assertNull(outcome(c, 0, (k, done) -> k.clerk().export(names[1], ((Exporter) k).segment, done), result)[0]);
        c.sim().settle();
        assertNull(published[0], "published");
        assertNull(lookupError(c, 0, names[0], 0), "the published name is in machine 0's registry");
        assertNull(lookupError(c, 0, names[1], 0), "and so is the local export, in a slot of its own");
    }

    @Test
    void aFullRegistryRefusesAnExportAndLeavesItsSegmentUnexported() {
        Cluster c = machines(2);
        byte[][] result = new byte[1][];
        int[] segment = new int[1];
        for (int i = 0; i < NameClerk.SLOTS; i++) {
            String name = "full" + i;
            assertNull(outcome(c, 1, (k, done) -> k.clerk().export(name, k.allocate(64), done), result)[0]);
        }
        String full = outcome(c, 1, (k, done) -> k.clerk().export("onemore", segment[0] = k.allocate(64), done), result)[0];
        assertTrue(full != null && full.contains("is full"), String.valueOf(full));
        Descriptor unnamed = c.machines().get(1).descriptor(segment[0]);
        String refused = outcome(c, 0, (k, done) -> k.read(unnamed, 0, 4, 0, 0, false, done), result)[0];
        assertTrue(refused != null && refused.contains("is not exported"), "no segment exported without a name to revoke it by: " + refused);
    }

    private record Named(Cluster cluster, Descriptor fonts, Descriptor tools) {
    }

    /** Two machines; machine 1 exports two segments, as 'fonts' and 'tools'. */
    private static Named fontsAndTools() {
        Cluster c = machines(2);
        byte[][] result = new byte[1][];
        int[] tools = new int[1];
        c.sim().run(1, k -> tools[0] = k.allocate(4096), () -> true, "allocate");
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export("fonts", ((Exporter) k).segment, done), result)[0]);
        Descriptor fonts = NameClerk.decode(result[0]);
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export("tools", tools[0], done), result)[0]);
        return new Named(c, fonts, NameClerk.decode(result[0]));
    }

    @Test
    void twoLookupsByControlTransferAtOnceBothGetTheirAnswer() {
        Named n = fontsAndTools();
        Cluster c = n.cluster();
        Descriptor fonts = n.fonts();
        List<Descriptor> answers = new ArrayList<>();
        c.sim().invoke(0, k -> {
            k.clerk().lookupByControlTransfer("fonts", 1, (r, e) -> answers.add(e == null ? NameClerk.decode(r) : null));
            k.clerk().lookupByControlTransfer("tools", 1, (r, e) -> answers.add(e == null ? NameClerk.decode(r) : null));
        });
        c.sim().settle();
        assertEquals(List.of(fonts, n.tools()), answers, "each its own answer, in turn");
    }

    @Test
    void aLookupByControlTransferToAMachineThatIsDownFailsAndTheOneQueuedBehindItIsAnswered() {
        Cluster c = machines(3);
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export("fonts", ((Exporter) k).segment, done), result)[0]);
        Descriptor fonts = NameClerk.decode(result[0]);
        c.sim().cluster().crash(2);
        List<String> answers = new ArrayList<>();
        c.sim().invoke(0, k -> {
            k.clerk().lookupByControlTransfer("fonts", 2, (r, e) -> answers.add(e));
            k.clerk().lookupByControlTransfer("fonts", 1, (r, e) -> answers.add(e == null ? NameClerk.decode(r).toString() : e));
        });
        c.sim().settle();
        assertEquals(2, answers.size(), answers.toString());
        assertTrue(answers.get(0).startsWith("lookup of 'fonts' by control transfer: machine 2's clerk did not answer within 6000 ms"), answers.get(0));
        assertEquals(fonts.toString(), answers.get(1), "the lookup queued behind it is answered");
    }

    @Test
    void anAnswerThatComesAfterItsLookupWasGivenUpDoesNotAnswerTheNextLookup() {
        Cluster c = machines(3);
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export("fonts", ((Exporter) k).segment, done), result)[0]);
        Descriptor one = NameClerk.decode(result[0]);
        assertNull(outcome(c, 2, (k, done) -> k.clerk().export("fonts", ((Exporter) k).segment, done), result)[0]);
        // Machine 2 is busy for 7 s: it answers the first lookup after that lookup timed out (6 s), while the second,
        // to machine 1 (busy for 9 s), still waits. The late answer must not be taken for the second's.
        c.sim().invoke(2, k -> k.context().work(Work.PROCEDURE, 7 * k.context().parameter("mips") * 1e6));
        c.sim().invoke(1, k -> k.context().work(Work.PROCEDURE, 9 * k.context().parameter("mips") * 1e6));
        List<String> answers = new ArrayList<>();
        c.sim().invoke(0, k -> {
            k.clerk().lookupByControlTransfer("fonts", 2, (r, e) -> answers.add(e == null ? NameClerk.decode(r).toString() : e));
            k.clerk().lookupByControlTransfer("fonts", 1, (r, e) -> answers.add(e == null ? NameClerk.decode(r).toString() : e));
        });
        c.sim().settle();
        assertEquals(2, answers.size(), answers.toString());
        assertTrue(answers.get(0).contains("did not answer within 6000 ms"), answers.get(0));
        assertEquals(one.toString(), answers.get(1), "machine 1's entry, not machine 2's late one");
    }

    @Test
    void anAnswerNamingAnotherNameIsNotTakenForTheLookupsOwn() {
        Named n = fontsAndTools();
        Cluster c = n.cluster();
        // The other clerk has one request slot per machine: a delayed cell of an earlier lookup of 'tools' may mix into
        // this lookup's request there, and the answer name 'tools'. Here such an answer lands first, in the lookup's slot.
        byte[] wrong = new AtmCell(AtmCell.Op.WRITE, false, false, NameClerk.REPLIES, 0, c.machines().get(0).descriptor(NameClerk.REPLIES).generation(), 0,
                NameClerk.entryOf(NameClerk.key("tools"), n.tools())).encode();
        List<Descriptor> answers = new ArrayList<>();
        c.sim().invoke(0, k -> {
            k.clerk().lookupByControlTransfer("fonts", 1, (r, e) -> answers.add(e == null ? NameClerk.decode(r) : null));
            k.receive(1, wrong);
        });
        c.sim().settle();
        assertEquals(List.of(n.fonts()), answers, "the entry named 'fonts', not the one named 'tools' that landed first");
    }

    @Test
    void aProbesReadLandsOutsideEveryAnswerSlot() {
        Cluster c = machines(2);
        byte[][] result = new byte[1][];
        assertNull(outcome(c, 1, (k, done) -> k.clerk().export("fonts", ((Exporter) k).segment, done), result)[0]);
        assertNull(outcome(c, 0, (k, done) -> k.clerk().lookup("fonts", 1, true, done), result)[0]);
        byte[] answerSlots = Arrays.copyOf(c.machines().get(0).memory(NameClerk.REPLIES), NameClerk.SLOTS * NameClerk.ENTRY);
        assertArrayEquals(new byte[answerSlots.length], answerSlots,
                "the probe read the registry into an answer slot, where a lookup by control transfer's answer could be half overwritten");
    }
}
