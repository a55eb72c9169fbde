package org.asfast.sprite;

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

class SpriteFaultsTest {

    @ParameterizedTest
    @EnumSource(Rpc.Level.class)
    void withLossAndDuplicationEveryCallCompletesAndRunsExactlyOnce(Rpc.Level level) {
        try (SpriteSimulated sprite = new SpriteSimulated("test", SpriteSimulated.parameters(), Faults.parse("drop=0.1,dup=0.05,seed=11"))) {
            Rpc.Client client = sprite.connect(level);
            int calls = 0;
            long rpcs = 0;
            for (int bytes : new int[] {0, 16384, 30000}) {
                if (bytes > client.maxBytes()) {
                    continue;
                }
                for (int i = 0; i < 20; i++) {
                    client.call(bytes, bytes / 10); // a reply of several fragments too
                    calls++;
                    rpcs += Math.max(1, (bytes + 16383) / 16384); // a pseudo-device request larger than 16 KB takes several RPCs
                }
            }
            assertEquals(rpcs, sprite.server().executions(), "the server ran each RPC once (" + calls + " calls)");
            assertTrue(client.retransmissions() > 0, "lost packets were sent again, and counted");
            assertTrue(sprite.system().cluster().dropped() > 0 && sprite.system().cluster().duplicated() > 0, "the faults happened");
        }
    }

    @Test
    void withoutFaultsNothingIsRetransmitted() {
        try (SpriteSimulated sprite = new SpriteSimulated("test", SpriteSimulated.parameters(), Faults.NONE)) {
            Rpc.Client client = sprite.connect(Rpc.Level.KERNEL);
            for (int i = 0; i < 10; i++) {
                client.call(16384, 0);
            }
            assertEquals(10, sprite.server().executions());
            assertEquals(0, client.retransmissions());
        }
    }

    @Test
    void aCrashedServerGivesTheCallerAOneLineErrorAfterItsTimeout() {
        try (SpriteSimulated sprite = new SpriteSimulated("test", SpriteSimulated.parameters(), Faults.NONE)) {
            Rpc.Client client = sprite.connect(Rpc.Level.USER);
            client.call(0, 0);
            sprite.system().cluster().crash(sprite.serverAddress());
            long before = sprite.clock().nanos();
            UserError error = assertThrows(UserError.class, () -> client.call(0, 0));
            double waitedMs = (sprite.clock().nanos() - before) / 1e6;
            assertFalse(error.getMessage().contains("\n"), error.getMessage());
            assertTrue(error.getMessage().contains("no reply"), error.getMessage());
            double timeoutMs = SpriteSimulated.parameters().number("max_tries") * SpriteSimulated.parameters().number("retransmit_ms");
            assertTrue(waitedMs >= timeoutMs - 1 && waitedMs < 2 * timeoutMs, "gave up after its tries, " + waitedMs + " ms");
        }
    }
}
