package org.asfast.sprite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.nodes.Faults;
import org.asfast.spi.Rpc;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;

/**
 * Sprite's scheduler resumes a process woken on an otherwise idle machine without a full context switch
 * (SpriteKernel.wake). The caller ran last on its machine before it waited, so it always resumes; on the server only
 * the channel's first request, whose server process has not run yet, pays a full switch, the registers out and in.
 */
class SpriteResumeTest {

    @Test
    void onlyTheFirstRequestOfAChannelPaysAFullSwitchOnTheServer() {
        SystemParameters p = SpriteSimulated.parameters();
        try (SpriteSimulated sprite = new SpriteSimulated("test", p, Faults.NONE)) {
            Rpc.Client client = sprite.connect(Rpc.Level.KERNEL);
            double first = timed(sprite, client);
            double second = timed(sprite, client);
            double third = timed(sprite, client);
            // Charges.contextSwitch: the registers out and in through memory.
            double registersNanos = 2 * p.number("switched_registers") * 4 / (p.number("memory_mbs") * (1 << 20)) * 1e9;
            assertTrue(registersNanos > 0, "the machine has registers to switch");
            assertEquals(registersNanos, first - second, 2, "the clock counts whole nanoseconds; first " + first + " ns, second " + second + " ns");
            assertEquals(second, third, 1, "every later call resumes the same processes");
        }
    }

    private static double timed(SpriteSimulated sprite, Rpc.Client client) {
        long before = sprite.clock().nanos();
        client.call(0, 0);
        return sprite.clock().nanos() - before;
    }
}
