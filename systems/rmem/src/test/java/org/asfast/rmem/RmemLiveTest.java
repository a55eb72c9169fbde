package org.asfast.rmem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;

/** The same kernels live: the name server and the server machine in JVMs of their own, UDP on loopback. */
class RmemLiveTest {

    /** An echo brings its request's sequence number back (the server copies the cell), so a late echo is told from the awaited one. */
    @Test
    void anEchoRequestCarriesItsSequenceNumber() {
        byte[] cell = LiveMachines.echoRequest(new Descriptor(0, 3, 1, AtmCell.DATA_BYTES), true, 7);
        assertEquals(7, LiveMachines.echoSequence(cell));
        assertEquals(AtmCell.DATA_BYTES, cell.length);
    }

    /** writeBlocks' completion: a failed WRITE and the last WRITE's answer both complete it, and only the first counts. */
    @Test
    void aCompletionGuardedOnceIsCompletedOnce() {
        java.util.List<String> got = new java.util.ArrayList<>();
        RmemKernel.Completion once = RmemLive.once((r, e) -> got.add(e));
        once.completed(null, "first failure");
        once.completed(new byte[0], null);
        assertEquals(java.util.Collections.singletonList("first failure"), got);
    }

    @Test
    void segmentsImportedThroughTheNameServerAreReadWrittenAndSwappedLive() {
        try (RmemLive live = new RmemLive("")) {
            Descriptor bench = live.importSegment(LiveMachines.BENCH);
            assertEquals(1, bench.node(), "the server machine exported it");
            assertEquals(LiveMachines.BENCH_BYTES, bench.bytes());
            byte[] data = new byte[100];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (3 * i + 5);
            }
            live.write(bench, 200, data);
            assertArrayEquals(data, live.read(bench, 200, 100));
            assertArrayEquals(new int[] {1, 0}, live.cas(bench, 0, 0, 7));
            assertArrayEquals(new int[] {0, 7}, live.cas(bench, 0, 0, 9), "a second CAS expecting 0 fails and sees 7");
            UserError outside = assertThrows(UserError.class, () -> live.read(bench, 4090, 40));
            assertTrue(outside.getMessage().startsWith("read: segment out of range"), outside.getMessage());
            // The server's names are published (BENCH was imported): asking again for 10 s, as for a booting server, would only wait.
            UserError unknown = assertThrows(UserError.class, () -> live.importSegment("no-such-name", java.time.Duration.ZERO));
            assertTrue(unknown.getMessage().startsWith("import: unknown name 'no-such-name'"), unknown.getMessage());
        }
    }

    @Test
    void aSegmentRevokedByTheServerGivesAProtectionErrorLive() {
        try (RmemLive live = new RmemLive("")) {
            Descriptor bench = live.importSegment(LiveMachines.BENCH);
            live.write(bench, 0, new byte[] {1, 2, 3, 4});
            live.askServerToRevoke(live.importSegment(LiveMachines.CONTROL));
            UserError stale = assertThrows(UserError.class, () -> live.read(bench, 0, 4));
            assertTrue(stale.getMessage().startsWith("read: protection error") && stale.getMessage().contains("revoked"), stale.getMessage());
            assertFalse(stale.getMessage().contains("\n"));
            assertEquals(1, live.client().protectionErrors());
        }
    }

    @Test
    void theLivePlatformOffersRemoteMemoryOnly() {
        try (org.asfast.spi.Platform p = new RmemProvider().open(RmemProvider.LIVE, org.asfast.spi.PlatformSettings.defaults())) {
            org.asfast.spi.RemoteMemory.Segment bench = p.require(org.asfast.spi.RemoteMemory.class).open(LiveMachines.BENCH);
            assertEquals(LiveMachines.BENCH_BYTES, bench.bytes());
            bench.write(40, new byte[] {9, 8, 7, 6});
            assertArrayEquals(new byte[] {9, 8, 7, 6}, bench.read(40, 4));
            assertTrue(bench.compareAndSwap(40, 0x09080706, 1));
            assertFalse(bench.compareAndSwap(40, 0x09080706, 2), "the word now holds 1");
            assertThrows(org.asfast.spi.CapabilityMissing.class, () -> p.require(org.asfast.spi.Rpc.class));
        }
    }

    @Test
    void echoesBlockWritesAndTheNameServersOperationsRunLive() {
        try (RmemLive live = new RmemLive("")) {
            Descriptor echo = live.importSegment(LiveMachines.ECHO);
            long notified = live.client().notifications();
            live.writeEcho(echo, false);
            assertEquals(notified, live.client().notifications(), "a plain echo notifies no one");
            live.writeEcho(echo, true);
            assertEquals(notified + 1, live.client().notifications(), "a notifying echo notifies this machine once, on the way back");

            Descriptor bench = live.importSegment(LiveMachines.BENCH);
            byte[] block = new byte[4096];
            java.util.Arrays.fill(block, (byte) 42);
            live.writeBlocks(bench, 0, block, 2); // unacknowledged but the last cell: a short burst, so no socket buffer overflows on a slow machine
            assertArrayEquals(java.util.Arrays.copyOf(block, 40), live.read(bench, 4056, 40), "the blocks landed whole");

            Descriptor first = live.export("table3");
            assertEquals(2, first.node(), "this machine exported it");
            Descriptor again = live.export("table3");
            assertEquals(first.segment(), again.segment(), "an export again is the same segment");
            assertTrue(again.generation() > first.generation(), "under a new generation");
            live.revoke("table3");
            UserError revoked = assertThrows(UserError.class, () -> live.revoke("table3"));
            assertTrue(revoked.getMessage().startsWith("revoke: unknown name 'table3'"), revoked.getMessage());

            long probes = live.client().clerk().remoteProbes();
            assertEquals(bench, live.lookup(LiveMachines.BENCH, false));
            assertEquals(probes + 1, live.client().clerk().remoteProbes(), "an uncached import reads the name server's registry once");
            assertEquals(bench, live.lookup(LiveMachines.BENCH, true));
            assertEquals(probes + 1, live.client().clerk().remoteProbes(), "a cached import reads nothing remotely");
            assertEquals(bench, live.lookupByNotification(LiveMachines.BENCH), "the name server's clerk wrote the entry back");
        }
    }
}
