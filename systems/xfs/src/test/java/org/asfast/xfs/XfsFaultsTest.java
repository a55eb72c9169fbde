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
        xfs.restart(first); // a new machine in its place: it rebuilds its fragments from the group's others
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
}
