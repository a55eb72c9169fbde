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
            assertEquals(rpcs, sprite.serverExecutions(), "the server ran each RPC once (" + calls + " calls)");
            assertTrue(client.retransmissions() > 0, "lost packets were sent again, and counted");
            assertTrue(sprite.faultsSoFar()[0] > 0 && sprite.faultsSoFar()[1] > 0, "the faults happened");
        }
    }

    @Test
    void withoutFaultsNothingIsRetransmitted() {
        try (SpriteSimulated sprite = new SpriteSimulated("test", SpriteSimulated.parameters(), Faults.NONE)) {
            Rpc.Client client = sprite.connect(Rpc.Level.KERNEL);
            for (int i = 0; i < 10; i++) {
                client.call(16384, 0);
            }
            assertEquals(10, sprite.serverExecutions());
            assertEquals(0, client.retransmissions());
        }
    }

    @Test
    void aCrashedServerGivesTheCallerAOneLineErrorAfterSpritesBackOff() {
        // rpcInit.c: over the Ethernet, ".1 + .2 + .4 + .8 + 1.0 + 1.0 + 1.0 + 1.0 = 5.5" seconds, and 7.5 when fragmenting.
        assertEquals(5500, waitForCrashedServer(0), 20);
        assertEquals(7500, waitForCrashedServer(16384), 20);
    }

    /** Milliseconds of simulated time a kernel RPC of {@code replyBytes} waits for a crashed server before it fails in one line. */
    private static double waitForCrashedServer(int replyBytes) {
        try (SpriteSimulated sprite = new SpriteSimulated("test", SpriteSimulated.parameters(), Faults.NONE)) {
            Rpc.Client client = sprite.connect(Rpc.Level.KERNEL);
            client.call(0, replyBytes);
            sprite.crashServer();
            long before = sprite.clock().nanos();
            UserError error = assertThrows(UserError.class, () -> client.call(0, replyBytes));
            assertFalse(error.getMessage().contains("\n"), error.getMessage());
            assertTrue(error.getMessage().contains("no reply") && error.getMessage().contains("8 tries"), error.getMessage());
            assertEquals(7, client.retransmissions(), "the request is sent 8 times in all");
            return (sprite.clock().nanos() - before) / 1e6;
        }
    }

    @Test
    void aCrashedServerGivesAUserLevelCallerAOneLineErrorToo() {
        try (SpriteSimulated sprite = new SpriteSimulated("test", SpriteSimulated.parameters(), Faults.NONE)) {
            Rpc.Client client = sprite.connect(Rpc.Level.USER);
            client.call(0, 0);
            sprite.crashServer();
            UserError error = assertThrows(UserError.class, () -> client.call(0, 0));
            assertFalse(error.getMessage().contains("\n"), error.getMessage());
            assertTrue(error.getMessage().startsWith("Sprite pseudo-device request") && error.getMessage().contains("no reply"), error.getMessage());
        }
    }
}
