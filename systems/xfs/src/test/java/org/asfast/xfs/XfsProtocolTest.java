package org.asfast.xfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import org.asfast.nodes.Faults;
import org.junit.jupiter.api.Test;

/** Reads, writes and ownership on a simulated installation of one manager, one stripe group of three and three clients. */
class XfsProtocolTest {
    static byte[] block(int fill) {
        byte[] b = new byte[8192];
        Arrays.fill(b, (byte) fill);
        b[0] = (byte) (fill + 1); // not one byte repeated, so fragments differ
        return b;
    }

    @Test
    void aWrittenBlockIsReadBackByEveryClientAndANeverWrittenOneIsZeros() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        assertArrayEquals(new byte[8192], xfs.read(0, 9, 8192));
        xfs.write(0, 5, block(7));
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(block(7), xfs.read(c, 5, 8192), "client " + c);
        }
        assertEquals(Set.of(0, 1, 2).stream().map(c -> xfs.layout().client(c)).collect(java.util.stream.Collectors.toSet()), xfs.manager(0).cachers(5));
    }

    @Test
    void aWriteInvalidatesEveryOtherCopyAndMakesTheWriterTheOneOwner() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        xfs.write(0, 3, block(1));
        xfs.read(1, 3, 8192);
        xfs.read(2, 3, 8192);
        assertEquals(-1, xfs.manager(0).owner(3), "a shared block has no owner");
        xfs.write(2, 3, block(2));
        assertEquals(xfs.layout().client(2), xfs.manager(0).owner(3));
        assertEquals(Set.of(xfs.layout().client(2)), xfs.manager(0).cachers(3));
        assertEquals(-1, xfs.client(0).cachedVersion(3));
        assertEquals(-1, xfs.client(1).cachedVersion(3));
        assertEquals(2, xfs.client(2).cachedVersion(3));
        assertArrayEquals(block(2), xfs.read(0, 3, 8192));
    }

    @Test
    void aReadFromAPeersMemoryBeatsOneFromTheStorageServersDisks() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        xfs.write(0, 1, block(3));
        xfs.evict(0, 1); // no client caches it: the next read goes to the disks
        double disk = xfs.timedRead(1, 1, 8192);
        double peer = xfs.timedRead(2, 1, 8192); // client 1 caches it now
        double local = xfs.timedRead(2, 1, 8192);
        assertEquals(1, xfs.client(1).readCounts()[2], "the first read came from the disks");
        assertEquals(1, xfs.client(2).readCounts()[1], "the second from client 1's memory");
        assertTrue(local < peer && peer < disk, "local " + local + " < peer " + peer + " < disk " + disk);
    }

    @Test
    void aRepeatOfAWriteRequestThatComesAfterItsWriteLeavesTheWritersCopyTrackedSoTheNextWriteInvalidatesIt() {
        XfsSimulated xfs = new XfsSimulated(XfsSimulated.parameters(), Faults.NONE);
        int writer = xfs.layout().client(0);
        xfs.write(0, 0, block(1)); // request 1 of client 0: committed, and client 0 caches version 1
        // A copy of that request, duplicated by the network or sent again, reaches the manager after the write is over:
        // the manager grants it, and client 0, which no longer waits for it, declines the grant.
        xfs.cluster().invoke(writer, () -> xfs.client(0).send(xfs.layout().manager(0), Message.of(Message.Kind.WRITE_REQUEST, 0, 1, 0, writer, 0, 0)));
        xfs.simulation().run();
        assertEquals(Set.of(writer), xfs.manager(0).cachers(0), "client 0 still holds its copy, and the manager knows it");
        xfs.write(1, 0, block(2)); // acknowledged: client 0's copy was invalidated first
        assertEquals(-1, xfs.client(0).cachedVersion(0));
        assertArrayEquals(block(2), xfs.read(0, 0, 8192), "the acknowledged write, not client 0's old copy");
    }
}
