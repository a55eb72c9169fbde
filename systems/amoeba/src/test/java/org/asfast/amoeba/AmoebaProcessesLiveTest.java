package org.asfast.amoeba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Amoeba's processes live: a pool processor and the server machine in JVMs of their own; one is killed. */
class AmoebaProcessesLiveTest {

    @Test
    @Timeout(180)
    void aPoolProcessorKilledMidRunIsAOneLineErrorNotAHang() {
        try (AmoebaProcesses p = AmoebaProcesses.live("amoeba-processes-live", "")) {
            for (Site site : Site.values()) {
                p.invoke(site);
            }
            p.forkAndWait();
            p.crashPoolProcessor();
            long start = System.nanoTime();
            UserError e = assertThrows(UserError.class, () -> p.invoke(Site.REMOTE_SPECIFIED));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains("no reply"), e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "given up after the protocol's tries");
            p.invoke(Site.LOCAL);
        }
    }
}
