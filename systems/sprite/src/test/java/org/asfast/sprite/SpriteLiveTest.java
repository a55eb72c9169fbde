package org.asfast.sprite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.spi.Rpc;
import org.asfast.spi.Threads;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same Sprite kernels live: a server process of its own, UDP on 127.0.0.1. */
class SpriteLiveTest {

    @AfterEach
    void noNodeProcessIsLeft() {
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process outlived its platform");
    }

    @Test
    void callsOfEverySizeRunOnceEach() {
        try (SpriteLive sprite = new SpriteLive("sprite-live", "")) {
            Rpc.Client client = sprite.connect(Rpc.Level.USER);
            int rpcs = 0;
            for (int bytes : new int[] {0, 16384, 30000}) {
                for (int i = 0; i < 5; i++) {
                    client.call(bytes, 0);
                    rpcs += bytes > 16384 ? 2 : 1; // a pseudo-device request over 16 KB takes two RPCs
                }
            }
            assertEquals(rpcs, sprite.serverExecutions());
        }
    }

    @Test
    void table3sProcessesRunOnTheClientsKernelAndEndAndAKernelCallIsNotAvailable() {
        try (SpriteLive sprite = new SpriteLive("sprite-live", "")) {
            Threads threads = sprite.require(Threads.class);
            for (int i = 0; i < 20; i++) {
                threads.switchRoundTrip();
                threads.createAndJoin();
            }
            assertEquals(0, sprite.serverExecutions(), "nothing went to the server's process");
            assertEquals(0, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().endsWith("-thread") && t.getName().startsWith("node-")).count(),
                    "every shared-memory child had ended when its fork returned");
            assertThrows(CapabilityMissing.class, () -> sprite.require(org.asfast.spi.KernelEntry.class));
        }
    }

    @Test
    void withLossAndDuplicationEveryCallCompletesAndRunsExactlyOnce() {
        try (SpriteLive sprite = new SpriteLive("sprite-live", "drop=0.1,dup=0.05,seed=11")) {
            Rpc.Client client = sprite.connect(Rpc.Level.KERNEL);
            int calls = 0;
            for (int bytes : new int[] {0, 16384}) {
                for (int i = 0; i < 15; i++) {
                    client.call(bytes, 100);
                    calls++;
                }
            }
            assertEquals(calls, sprite.serverExecutions(), "the server ran each RPC once");
            assertTrue(client.retransmissions() > 0, "lost packets were sent again, and counted");
        }
    }

    @Test
    void aKilledServerGivesTheCallerAOneLineErrorAfterItsTimeout() {
        try (SpriteLive sprite = new SpriteLive("sprite-live", "")) {
            Rpc.Client client = sprite.connect(Rpc.Level.USER);
            client.call(0, 0);
            sprite.crashServer();
            long start = System.nanoTime();
            UserError error = assertThrows(UserError.class, () -> client.call(0, 0));
            assertFalse(error.getMessage().contains("\n"), error.getMessage());
            assertTrue(error.getMessage().contains("no reply"), error.getMessage());
            assertTrue(System.nanoTime() - start < 60_000_000_000L, "no hang: Sprite gives up after 5.5 s of back-off");
        }
    }
}
