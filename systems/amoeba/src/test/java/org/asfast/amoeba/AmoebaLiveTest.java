package org.asfast.amoeba;

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

/** The same Amoeba kernels live: a server process of its own, UDP on 127.0.0.1. */
class AmoebaLiveTest {

    @AfterEach
    void noNodeProcessIsLeft() {
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process outlived its platform");
    }

    @Test
    void transactionsOfEverySizeRunOnceEach() {
        try (AmoebaLive amoeba = new AmoebaLive("amoeba-live", "")) {
            Rpc.Client client = amoeba.connect(Rpc.Level.USER);
            int calls = 0;
            for (int bytes : new int[] {0, 16384, 30000}) {
                for (int i = 0; i < 5; i++) {
                    client.call(bytes, 0);
                    calls++;
                }
            }
            assertEquals(calls, amoeba.serverExecutions());
        }
    }

    @Test
    void table3sThreadsRunOnTheClientsKernelWithoutTheNetworkAndAKernelCallIsNotAvailable() {
        try (AmoebaLive amoeba = new AmoebaLive("amoeba-live", "")) {
            Threads threads = amoeba.require(Threads.class);
            for (int i = 0; i < 20; i++) {
                threads.switchRoundTrip();
                threads.createAndJoin();
            }
            assertEquals(20, amoeba.localExecutions(), "each local null transaction ran its server thread's procedure once");
            assertEquals(0, amoeba.serverExecutions(), "no transaction went to the server's process");
            assertThrows(CapabilityMissing.class, () -> amoeba.require(org.asfast.spi.KernelEntry.class));
        }
    }

    @Test
    void withLossAndDuplicationEveryTransactionCompletesAndRunsExactlyOnce() {
        try (AmoebaLive amoeba = new AmoebaLive("amoeba-live", "drop=0.1,dup=0.05,seed=11")) {
            Rpc.Client client = amoeba.connect(Rpc.Level.KERNEL);
            int calls = 0;
            for (int bytes : new int[] {0, 16384}) {
                for (int i = 0; i < 15; i++) {
                    client.call(bytes, 100);
                    calls++;
                }
            }
            assertEquals(calls, amoeba.serverExecutions(), "the server ran each transaction once");
            assertTrue(client.retransmissions() > 0, "lost packets were sent again, and counted");
        }
    }

    @Test
    void aKilledServerGivesTheCallerAOneLineErrorAfterItsTimeout() {
        try (AmoebaLive amoeba = new AmoebaLive("amoeba-live", "")) {
            Rpc.Client client = amoeba.connect(Rpc.Level.USER);
            client.call(0, 0);
            amoeba.crashServer();
            long start = System.nanoTime();
            UserError error = assertThrows(UserError.class, () -> client.call(0, 0));
            assertFalse(error.getMessage().contains("\n"), error.getMessage());
            assertTrue(error.getMessage().contains("no reply"), error.getMessage());
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "no hang");
        }
    }
}
