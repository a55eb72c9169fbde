package org.asfast.sprite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.spi.TimeOfDay;
import org.asfast.spi.UserError;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sprite's processes live: an idle host and the file server in JVMs of their own; a migrated process's gettimeofday served in its home's; the idle host is killed. */
class SpriteProcessesLiveTest {

    /** The other workstation's kernel: the RPCs it executed and what each forwarded gettimeofday declared there. */
    private static long homeProcedures(SpriteProcesses p) {
        return p.load(SpriteHost.IDLE_HOST).count("instructions.PROCEDURE");
    }

    @Test
    @Timeout(180)
    void aMigratedProcesssGettimeofdayIsServedOnceEachByItsHomesJvmAndALocalOneStaysInTheCallersKernel(@TempDir Path tmp) throws IOException {
        SystemParameters s = SpriteSimulated.parameters();
        long perForwardedCall = Math.round(s.number("null_procedure_instructions") + s.number("remote_call_instructions") + s.number("time_of_day_instructions"));
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString()); // where the launcher makes the run's scratch folder
        try (SpriteProcesses p = SpriteProcesses.live("sprite-processes-live", "")) {
            TimeOfDay clock = p.require(TimeOfDay.class);
            long procedures = homeProcedures(p);
            long received = p.load(SpriteHost.IDLE_HOST).count("received");
            for (int i = 0; i < 5; i++) {
                clock.gettimeofday(false);
            }
            assertEquals(procedures, homeProcedures(p), "a process at home reads its own kernel's clock");
            assertEquals(received, p.load(SpriteHost.IDLE_HOST).count("received"), "nothing went to the other workstation");
            for (int i = 0; i < 5; i++) {
                clock.gettimeofday(true);
            }
            assertEquals(procedures + 5 * perForwardedCall, homeProcedures(p), "each forwarded call executed once at home, in its own JVM");
            assertTrue(p.load(SpriteHost.IDLE_HOST).count("received") >= received + 5, "the requests crossed to the home's JVM");
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process outlived its platform");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "the run's scratch folder is gone");
        }
    }

    @Test
    @Timeout(180)
    void aMigrationTargetKilledIsAOneLineErrorNotAHang() {
        try (SpriteProcesses p = SpriteProcesses.live("sprite-processes-live", "")) {
            for (Site site : Site.values()) {
                p.invoke(site);
            }
            p.forkAndWait();
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
