package org.asfast.sprite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.spi.TimeOfDay;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sprite's processes live: an idle host and the file server in JVMs of their own; the idle host is killed. */
class SpriteProcessesLiveTest {

    @Test
    @Timeout(180)
    void aMigrationTargetKilledIsAOneLineErrorNotAHang() {
        try (SpriteProcesses p = SpriteProcesses.live("sprite-processes-live", "")) {
            for (Site site : Site.values()) {
                p.invoke(site);
            }
            p.forkAndWait();
            assertThrows(CapabilityMissing.class, () -> p.require(TimeOfDay.class));
            p.crashIdleHost();
            long start = System.nanoTime();
            UserError e = assertThrows(UserError.class, () -> p.invoke(Site.REMOTE_SPECIFIED));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains("no reply"), e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "given up after the protocol's tries");
            p.invoke(Site.LOCAL);
        }
    }
}
