package org.asfast.sprite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.nodes.Faults;
import org.asfast.nodes.Work;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;

/** Sprite's fork, exec and exec-time migration, simulated, and an idle host that crashes. */
class SpriteProcessesTest {

    private static double millis(SpriteProcesses p, Runnable operation) {
        operation.run();
        long start = p.clock().nanos();
        operation.run();
        return (p.clock().nanos() - start) / 1e6;
    }

    @Test
    void migrationAddsItsCallsAndTheDaemonItsTwoRequests() {
        try (SpriteProcesses p = SpriteProcesses.simulated("t", SpriteSimulated.parameters(), Faults.NONE)) {
            double fork = millis(p, p::forkAndWait);
            double local = millis(p, () -> p.invoke(Site.LOCAL));
            double specified = millis(p, () -> p.invoke(Site.REMOTE_SPECIFIED));
            double unspecified = millis(p, () -> p.invoke(Site.REMOTE_UNSPECIFIED));
            double tod = millis(p, () -> p.gettimeofday(false));
            double remoteTod = millis(p, () -> p.gettimeofday(true));
            System.out.printf("sprite fork %.2f local %.2f specified %.2f unspecified %.2f tod %.4f remote tod %.4f%n", fork, local, specified, unspecified, tod, remoteTod);
            assertTrue(fork < local && local < specified && specified < unspecified, local + " " + specified + " " + unspecified);
        }
    }

    @Test
    void onlyAMigratedProcesssGettimeofdayKeepsTheOtherWorkstationBusy() {
        try (SpriteProcesses p = SpriteProcesses.simulated("t", SpriteSimulated.parameters(), Faults.NONE)) {
            long busy = p.load(SpriteHost.IDLE_HOST).nanos(Work.PROCEDURE);
            p.gettimeofday(false);
            assertEquals(busy, p.load(SpriteHost.IDLE_HOST).nanos(Work.PROCEDURE), "read from the caller's own kernel");
            p.gettimeofday(true);
            assertTrue(p.load(SpriteHost.IDLE_HOST).nanos(Work.PROCEDURE) > busy, "forwarded to the process's home and served there");
        }
    }

    @Test
    void anIdleHostThatCrashedIsAOneLineErrorAfterTheTimeout() {
        try (SpriteProcesses p = SpriteProcesses.simulated("t", SpriteSimulated.parameters(), Faults.NONE)) {
            p.invoke(Site.REMOTE_SPECIFIED);
            p.crashIdleHost();
            long start = p.clock().nanos();
            UserError e = assertThrows(UserError.class, () -> p.invoke(Site.REMOTE_SPECIFIED));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains("no reply"), e.getMessage());
            double waited = (p.clock().nanos() - start) / 1e6;
            double giveUp = SpriteKernel.giveUpNanos(SpriteSimulated.parameters()::number, false) / 1e6; // RpcDoCall's back-off: 5.5 s
            assertTrue(waited >= giveUp && waited < giveUp + 2000, waited + " ms");
            p.invoke(Site.LOCAL);
        }
    }
}
