package org.asfast.xfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.asfast.nodes.Faults;
import org.junit.jupiter.api.Test;

/** Simulated crashes: a storage server (its fragments rebuilt from parity) and a client that owns blocks. */
class XfsFaultsTest {
    private static final int BLOCKS = 6;

    @Test
    void aCrashedStorageServersFragmentsAreRebuiltFromParityAndNoAcknowledgedWriteIsLost() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        for (int b = 0; b < BLOCKS; b++) {
            xfs.write(0, b, XfsProtocolTest.block(b)); // each returns once the write is acknowledged
            xfs.evict(0, b); // no copy in any memory: reads must come from the disks
        }
        int first = xfs.layout().storageServer(0);
        xfs.crash(first);
        for (int b = 0; b < BLOCKS; b++) {
            assertArrayEquals(XfsProtocolTest.block(b), xfs.read(1, b, 8192), "block " + b + " with a storage server down");
            xfs.evict(1, b);
        }
        xfs.replace(first); // a new machine in its place, its disk empty: it rebuilds its fragments from the group's others
        xfs.runFor(1e9);
        assertEquals(BLOCKS, xfs.storageServer(0).rebuilt());
        xfs.crash(xfs.layout().storageServer(1)); // now only the rebuilt server and the parity hold the data
        int lost = 0;
        for (int b = 0; b < BLOCKS; b++) {
            lost += java.util.Arrays.equals(XfsProtocolTest.block(b), xfs.read(2, b, 8192)) ? 0 : 1;
        }
        assertEquals(0, lost, "acknowledged writes lost");
    }

    @Test
    void aWholeStripeGroupThatRebootsWithItsDisksLosesNoAcknowledgedWrite() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        for (int b = 0; b < BLOCKS; b++) {
            xfs.write(0, b, XfsProtocolTest.block(b));
            xfs.evict(0, b);
        }
        for (int s = 0; s < xfs.layout().width(); s++) {
            xfs.crash(xfs.layout().storageServer(s));
        }
        for (int s = 0; s < xfs.layout().width(); s++) {
            xfs.restart(xfs.layout().storageServer(s)); // memory lost, disk kept
        }
        xfs.runFor(1e9);
        for (int s = 0; s < xfs.layout().width(); s++) {
            assertEquals(BLOCKS, xfs.storageServer(s).recovered(), "server " + s + " indexed its own log");
            assertEquals(0, xfs.storageServer(s).rebuilt(), "and needed nothing from its group");
        }
        for (int b = 0; b < BLOCKS; b++) {
            assertArrayEquals(XfsProtocolTest.block(b), xfs.read(1, b, 8192), "block " + b + " after the group's reboot");
        }
        xfs.write(2, 0, XfsProtocolTest.block(99)); // appends go after the records read back
        xfs.evict(2, 0);
        assertArrayEquals(XfsProtocolTest.block(99), xfs.read(1, 0, 8192));
        assertArrayEquals(XfsProtocolTest.block(1), xfs.read(1, 1, 8192), "and overwrite none of them");
    }

    @Test
    void aReadTheManagerGivesUpFailsWithAReasonAndTheClientGoesOnToItsNextOperation() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        xfs.write(0, 3, XfsProtocolTest.block(3));
        xfs.evict(0, 3); // only the disks hold it
        xfs.crash(xfs.layout().storageServer(0));
        xfs.crash(xfs.layout().storageServer(1)); // one fragment of three is left: parity cannot rebuild the block
        org.asfast.spi.UserError failed = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class, () -> xfs.read(1, 3, 8192));
        assertTrue(failed.getMessage().startsWith("xFS read of block 3 failed: its manager gave it up after"), failed.getMessage());
        assertArrayEquals(new byte[8192], xfs.read(1, 9, 8192), "the client's next read is served (block 9 was never written)");
    }

    @Test
    void aLostReadFailedIsSentAgainSoTheReadStillFailsAndTheClientGoesOn() {
        int[] readFailedSent = {0};
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE, bytes -> {
            Message m = Message.decode(bytes);
            return m == null || m.kind() != Message.Kind.READ_FAILED || ++readFailedSent[0] > 1; // the first is lost
        });
        xfs.write(0, 3, XfsProtocolTest.block(3));
        xfs.evict(0, 3);
        xfs.crash(xfs.layout().storageServer(0));
        xfs.crash(xfs.layout().storageServer(1));
        org.asfast.spi.UserError failed = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class, () -> xfs.read(1, 3, 8192));
        assertTrue(failed.getMessage().startsWith("xFS read of block 3 failed: its manager gave it up after"), failed.getMessage());
        assertEquals(2, readFailedSent[0], "the manager sent READ_FAILED again, once, and the reader's answer ended it");
        org.asfast.spi.UserError again = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class, () -> xfs.read(1, 3, 8192));
        assertTrue(again.getMessage().startsWith("xFS read of block 3 failed"), "the block's next transaction ran, and failed alike: " + again.getMessage());
        assertArrayEquals(new byte[8192], xfs.read(1, 9, 8192), "the client's next read is served");
    }

    @Test
    void aClientRestartedWhileTheManagerStillHoldsItsEarlierLifesReadGetsItsOwnReadServed() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        xfs.write(0, 3, XfsProtocolTest.block(3));
        xfs.evict(0, 3);
        int reader = xfs.layout().client(1);
        xfs.cluster().invoke(reader, () -> xfs.client(1).read(3, 8192, data -> { }, reason -> { }));
        xfs.runFor(20e3);
        xfs.crash(reader); // before its block arrives: the manager hears no READ_DONE, tries every source and gives the read up
        xfs.runFor(4.5e9); // past the give-up (xfs_max_attempts timeouts), while it still sends READ_FAILED to the dead client
        xfs.restart(reader);
        assertArrayEquals(XfsProtocolTest.block(3), xfs.read(1, 3, 8192),
                "the new life's first read is its own request, not taken for a repeat of the old life's and failed with it");
    }

    @Test
    void whenAClientThatOwnsBlocksCrashesTheManagerTakesItsOwnershipBack() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        int dead = xfs.layout().client(0);
        xfs.write(0, 4, XfsProtocolTest.block(4));
        xfs.write(0, 6, XfsProtocolTest.block(6));
        assertEquals(dead, xfs.manager(0).owner(4));
        xfs.crash(dead);

        xfs.write(1, 4, XfsProtocolTest.block(40)); // the dead owner never answers the invalidation
        assertEquals(xfs.layout().client(1), xfs.manager(0).owner(4));
        assertEquals(Set.of(xfs.layout().client(1)), xfs.manager(0).cachers(4));
        assertArrayEquals(XfsProtocolTest.block(40), xfs.read(2, 4, 8192));

        assertArrayEquals(XfsProtocolTest.block(6), xfs.read(2, 6, 8192)); // forwarded to the dead owner first, then to the disks
        assertEquals(-1, xfs.manager(0).owner(6), "two copies, one of them dead: no owner");
        assertTrue(xfs.manager(0).cachers(6).contains(xfs.layout().client(2)));
        assertTrue(xfs.simulation().now() >= 2 * XfsSimulated.parameters().number("xfs_timeout_ms") * 1e6, "both waited out the timeout");
    }

    @Test
    void aWriteToAGroupWithAStorageServerDownCommitsWithOneFragmentMissingAndLosesNothing() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        int first = xfs.layout().storageServer(0);
        xfs.crash(first);
        xfs.write(0, 3, XfsProtocolTest.block(3)); // stalls on the dead server until the manager asks it to report
        assertEquals(xfs.layout().client(0), xfs.manager(0).owner(3));
        assertTrue(xfs.simulation().now() >= XfsSimulated.parameters().number("xfs_timeout_ms") * 1e6, "the write waited for the manager's request");
        xfs.evict(0, 3);
        assertArrayEquals(XfsProtocolTest.block(3), xfs.read(1, 3, 8192), "read from the two fragments on disk");
        xfs.evict(1, 3);
        xfs.restart(first); // rebuilds its fragment of the stripe from the other two
        xfs.runFor(1e9);
        assertEquals(1, xfs.storageServer(0).rebuilt());
        xfs.crash(xfs.layout().storageServer(1));
        assertArrayEquals(XfsProtocolTest.block(3), xfs.read(2, 3, 8192), "read with the rebuilt fragment");
    }

    @Test
    void aWriterThatDiesHoldingTheGrantIsFencedAndTheNextWriterGetsTheBlock() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        int dead = xfs.layout().client(0);
        xfs.write(1, 5, XfsProtocolTest.block(1)); // the block has a committed version before
        xfs.cluster().invoke(dead, () -> xfs.client(0).write(5, XfsProtocolTest.block(50), () -> {
            throw new AssertionError("a write of a dead client was acknowledged");
        }));
        assertTrue(xfs.cluster().runUntil(() -> xfs.client(0).writing(5), xfs.simulation().now() + 1e9), "the grant arrived");
        long fenced = xfs.client(0).grant(5);
        xfs.crash(dead); // its stripe's fragments are on their way; it will never report them

        xfs.write(2, 5, XfsProtocolTest.block(60)); // the manager asks the dead writer to report, then takes the grant back
        assertTrue(xfs.manager(0).takenBack(5, fenced));
        assertEquals(0, xfs.manager(0).takenBackRemembered(5), "the next writer's commit lets the manager forget the fenced grant: it is older");
        assertEquals(xfs.layout().client(2), xfs.manager(0).owner(5));
        xfs.evict(2, 5);
        assertArrayEquals(XfsProtocolTest.block(60), xfs.read(1, 5, 8192), "the next writer's stripe, not the dead one's");
        double waited = (1 + XfsSimulated.parameters().number("xfs_max_attempts")) * XfsSimulated.parameters().number("xfs_timeout_ms") * 1e6;
        assertTrue(xfs.simulation().now() >= waited, "the manager asked xfs_max_attempts times before it counted the writer as crashed");
    }
}
