package org.asfast.xfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same nodes live: a manager, two storage servers and a writing client in processes of their own, UDP on 127.0.0.1. */
class XfsLiveTest {

    @AfterEach
    void noNodeProcessIsLeft() {
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process outlived its run");
    }

    @Test
    void aReadMissIsServedFromThePeersMemory() {
        try (XfsLive xfs = new XfsLive("", 2)) {
            xfs.awaitWritten(2);
            long before = xfs.readerCounts()[1];
            assertArrayEquals(WritingClient.content(0, xfs.blockBytes()), xfs.read(0));
            assertEquals(before + 1, xfs.readerCounts()[1], "the block came from the writing client's memory");
        }
    }

    @Test
    void aKilledStorageServersFragmentsAreRebuiltAndNoAcknowledgedWriteIsLost() {
        try (XfsLive xfs = new XfsLive("", 0)) {
            for (int b = 10; b < 12; b++) {
                xfs.write(b, WritingClient.content(b, xfs.blockBytes())); // acknowledged: both fragments on disk
                xfs.evict(b);
            }
            xfs.crash(1);
            for (int b = 10; b < 12; b++) {
                assertArrayEquals(WritingClient.content(b, xfs.blockBytes()), xfs.read(b), "block " + b + " with storage server 1 killed");
                xfs.evict(b);
            }
            for (int b = 12; b < 14; b++) { // acknowledged with server 1's fragment missing (the writer reports after a timeout)
                xfs.write(b, WritingClient.content(b, xfs.blockBytes()));
                xfs.evict(b);
            }
            xfs.restart(1); // a fresh process on the same disk: it reads blocks 10 and 11 back from its log, and rebuilds 12 and 13 from server 2
            xfs.pause(Duration.ofSeconds(5));
            xfs.crash(2); // blocks 12 and 13 are now only in the fragments server 1 rebuilt
            int lost = 0;
            for (int b = 10; b < 14; b++) {
                lost += java.util.Arrays.equals(WritingClient.content(b, xfs.blockBytes()), xfs.read(b)) ? 0 : 1;
                xfs.evict(b);
            }
            assertEquals(0, lost, "acknowledged writes lost");
        }
    }

    @Test
    void whenTheOwningClientIsKilledTheManagerGivesOwnershipToTheNextWriter() {
        try (XfsLive xfs = new XfsLive("", 2)) {
            xfs.awaitWritten(2);
            xfs.crash(XfsLive.PEER); // it owns block 0: no one else has read it
            byte[] mine = WritingClient.content(40, xfs.blockBytes());
            xfs.write(0, mine); // the manager waits out the dead client, then grants
            xfs.evict(0);
            assertArrayEquals(mine, xfs.read(0));
            assertTrue(xfs.readerCounts()[2] >= 1, "read back from the disks");
        }
    }

    @Test
    void theLivePlatformsStoredBlockIsReadFromTheStorageServersAndItsPeersBlocksFromThePeer() {
        try (XfsLivePlatform live = new XfsLivePlatform("xfs-live", "")) {
            XfsLive xfs = live.xfs();
            live.storeOnly();
            long[] before = xfs.readerCounts();
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(WritingClient.content(XfsLivePlatform.STORED, xfs.blockBytes()), xfs.read(XfsLivePlatform.STORED));
                xfs.evict(XfsLivePlatform.STORED);
            }
            assertArrayEquals(WritingClient.content(1, xfs.blockBytes()), xfs.read(1));
            long[] after = xfs.readerCounts();
            assertEquals(4, after[0] - before[0], "reads");
            assertEquals(3, after[2] - before[2], "each read of the stored block came from the storage servers");
            assertEquals(1, after[1] - before[1], "the peer's block from its memory");
        }
    }
}
