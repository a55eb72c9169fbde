package org.asfast.v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.spi.Ipc;
import org.asfast.spi.Uio;
import org.junit.jupiter.api.Test;

/** The same V nodes live: the server host in its own JVM, VMTP over UDP on loopback. */
class VLiveTest {

    @Test
    void transactionsWithSegmentsAndByteStreamsWorkLive() {
        try (VLivePlatform v = new VLivePlatform("")) {
            Ipc.Server remote = v.server(Ipc.Where.REMOTE);
            Ipc.Server local = v.server(Ipc.Where.LOCAL);
            for (int bytes : new int[] {0, 1024, 16384}) {
                for (Ipc.Transfer transfer : Ipc.Transfer.values()) {
                    assertEquals(bytes, v.send(remote, transfer, bytes), transfer + " remote " + bytes);
                    assertEquals(bytes, v.send(local, transfer, bytes), transfer + " local " + bytes);
                }
            }
            Uio.File file = v.open(Uio.Where.REMOTE_SERVER, 3000);
            for (int i = 0; i < 3000; i++) {
                assertEquals(FileServer.content(i) & 0xff, v.getbyte(file), "byte " + i);
            }
            assertEquals(-1, v.getbyte(file));
        }
    }

    @Test
    void everySendCompletesOnceLiveDespiteLossAndDuplication() {
        try (VLivePlatform v = new VLivePlatform("drop=0.1,dup=0.05,seed=9")) {
            Ipc.Server remote = v.server(Ipc.Where.REMOTE);
            int sends = 0;
            for (int i = 0; i < 60; i++) {
                int bytes = (i % 4) * 4096;
                assertEquals(bytes, v.send(remote, Ipc.Transfer.REPLY_SEGMENT, bytes));
                sends++;
            }
            assertTrue(v.clientKernel().retransmissions() > 0, "losses are recovered by retransmission");
            assertEquals(sends + 1, v.executions(remote), "the server executes each transaction once (this count included)");
        }
    }

    @Test
    void aCrashedServerHostIsAOneLineErrorAfterTheTimeoutLive() {
        try (VLivePlatform v = new VLivePlatform("")) {
            Ipc.Server remote = v.server(Ipc.Where.REMOTE);
            v.send(remote, Ipc.Transfer.REPLY_SEGMENT, 1024);
            v.launcher().crash(0);
            long start = System.nanoTime();
            ServerUnreachable e = assertThrows(ServerUnreachable.class, () -> v.send(remote, Ipc.Transfer.REPLY_SEGMENT, 1024));
            double ms = (System.nanoTime() - start) / 1e6;
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
            assertTrue(ms >= 100 && ms < 5000, "gave up after " + ms + " ms");
        }
    }
}
