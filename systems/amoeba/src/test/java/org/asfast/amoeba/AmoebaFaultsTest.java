package org.asfast.amoeba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.nodes.Faults;
import org.asfast.spi.Rpc;
import org.asfast.spi.UserError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AmoebaFaultsTest {

    @ParameterizedTest
    @EnumSource(Rpc.Level.class)
    void withLossAndDuplicationEveryTransactionCompletesAndRunsExactlyOnce(Rpc.Level level) {
        try (AmoebaSimulated amoeba = new AmoebaSimulated("test", AmoebaSimulated.parameters(), Faults.parse("drop=0.1,dup=0.05,seed=11"))) {
            Rpc.Client client = amoeba.connect(level);
            int calls = 0;
            for (int bytes : new int[] {0, 16384, 30000}) {
                for (int i = 0; i < 20; i++) {
                    client.call(bytes, bytes / 10); // a reply of several fragments too
                    calls++;
                }
            }
            assertEquals(calls, amoeba.serverExecutions(), "the server ran each transaction once");
            assertTrue(client.retransmissions() > 0, "lost packets were sent again, and counted");
            assertTrue(amoeba.faultsSoFar()[0] > 0 && amoeba.faultsSoFar()[1] > 0, "the faults happened");
        }
    }

    @Test
    void withoutFaultsNothingIsRetransmitted() {
        try (AmoebaSimulated amoeba = new AmoebaSimulated("test", AmoebaSimulated.parameters(), Faults.NONE)) {
            Rpc.Client client = amoeba.connect(Rpc.Level.KERNEL);
            for (int i = 0; i < 10; i++) {
                client.call(30000, 0);
            }
            assertEquals(10, amoeba.serverExecutions());
            assertEquals(0, client.retransmissions());
        }
    }

    @Test
    void aCrashedServerGivesTheCallerAOneLineErrorAfterItsTimeout() {
        try (AmoebaSimulated amoeba = new AmoebaSimulated("test", AmoebaSimulated.parameters(), Faults.NONE)) {
            Rpc.Client client = amoeba.connect(Rpc.Level.USER);
            client.call(0, 0);
            amoeba.crashServer();
            long before = amoeba.clock().nanos();
            UserError error = assertThrows(UserError.class, () -> client.call(0, 0));
            double waitedMs = (amoeba.clock().nanos() - before) / 1e6;
            assertFalse(error.getMessage().contains("\n"), error.getMessage());
            assertTrue(error.getMessage().contains("no reply"), error.getMessage());
            double timeoutMs = AmoebaSimulated.parameters().number("max_tries") * AmoebaSimulated.parameters().number("retransmit_ms");
            assertTrue(waitedMs >= timeoutMs - 1 && waitedMs < 2 * timeoutMs, "gave up after its tries, " + waitedMs + " ms");
        }
    }
}
