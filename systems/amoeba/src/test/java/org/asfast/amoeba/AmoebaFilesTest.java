package org.asfast.amoeba;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.asfast.nodes.Faults;
import org.asfast.spi.Files;
import org.asfast.spi.Platform;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Amoeba's Bullet and directory servers on the simulated Sun 3/60s: what they keep, and what they promise under faults. */
class AmoebaFilesTest {

    static AmoebaFilesSimulated open(String configuration) {
        return new AmoebaFilesSimulated("test", configuration, AmoebaSimulated.parameters(), Faults.NONE);
    }

    /** Bytes no two files share, so a file read back is its own. */
    static byte[] content(int bytes, long seed) {
        byte[] b = new byte[bytes];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static void write(Platform p, String path, byte[] data) {
        assertEquals(data.length, AmoebaFilesCrashes.write(p, path, data));
    }

    static byte[] read(Platform p, String path) {
        return AmoebaFilesCrashes.read(p, path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BULLET", "BULLET/DIR"})
    void aFileReadsBackByteForByteAndIsGoneWhenUnlinked(String configuration) {
        try (AmoebaFilesSimulated p = open(configuration)) {
            Files files = p.require(Files.class);
            files.mkdir("d");
            byte[] small = content(0, 1);
            byte[] large = content(70_000, 2); // three transactions of at most 29768 bytes each way
            write(p, "empty", small);
            write(p, "d/large", large);
            assertArrayEquals(small, read(p, "empty"));
            assertArrayEquals(large, read(p, "d/large"));
            assertEquals(2, p.bullet().files());
            write(p, "d/large", content(10, 3)); // a new file under the old name; the old one is destroyed
            assertEquals(10, files.stat("d/large"));
            assertEquals(2, p.bullet().files());
            files.unlink("d/large");
            files.unlink("empty");
            assertEquals(0, p.bullet().files());
            assertThrows(UserError.class, () -> files.openForReading("d/large"));
        }
    }

    @Test
    void clientsCacheNothingSoEveryReadCrossesTheEthernet() {
        try (AmoebaFilesSimulated p = open("BULLET")) {
            write(p, "f", content(100 * 1024, 4));
            double wireMs = 100 * 1024 * 8 / 10e6 * 1e3; // the bytes alone at 10 Mbit/s
            for (int i = 0; i < 3; i++) {
                long start = p.clock().nanos();
                read(p, "f");
                double ms = (p.clock().nanos() - start) / 1e6;
                assertTrue(ms > wireMs, "read " + i + " took " + ms + " ms, less than the wire's " + wireMs + " ms");
            }
        }
    }

    @Test
    void aCommittedFileSurvivesTheBulletServersCrashByteForByte() {
        try (AmoebaFilesSimulated p = open("BULLET/DIR")) {
            byte[] data = content(40_000, 5);
            write(p, "kept", data); // the commit is acknowledged: data and i-node are on disk
            byte[] second = content(123, 6);
            write(p, "also-kept", second);
            p.restartBullet(); // its memory (the cache) is lost; its disk is not
            assertEquals(2, p.bullet().files(), "the restarted server read its i-nodes back");
            assertArrayEquals(data, read(p, "kept"));
            assertArrayEquals(second, read(p, "also-kept"));
            write(p, "after", content(5000, 7)); // and it allocates around the files it found
            assertArrayEquals(data, read(p, "kept"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void losingOneDirectoryReplicaLosesNoName(int lost) {
        try (AmoebaFilesSimulated p = open("BULLET/DIR")) {
            Files files = p.require(Files.class);
            files.mkdir("a");
            files.mkdir("a/b");
            for (int i = 0; i < 5; i++) {
                write(p, "a/b/f" + i, content(10 * i, i));
            }
            files.unlink("a/b/f3");
            List<String> before = p.directory().list("a/b");
            // A fresh, empty disk in place of the lost replica's.
            p.restartDirectory(lost == 0 ? new DirectoryServer("replica-0-new", "replica-1") : new DirectoryServer("replica-0", "replica-1-new"));
            assertEquals(before, p.directory().list("a/b"));
            assertEquals(List.of("f0", "f1", "f2", "f4"), before);
            assertArrayEquals(content(40, 4), read(p, "a/b/f4"));
            // The rewritten replica is whole again: losing the other one now loses nothing either.
            p.restartDirectory(lost == 0 ? new DirectoryServer("replica-0-new", "replica-1-newer") : new DirectoryServer("replica-0-newer", "replica-1-new"));
            assertEquals(before, p.directory().list("a/b"));
        }
    }

    /** The run's measured figures of both promises, with and without lost and duplicated packets: nothing lost. */
    @ParameterizedTest
    @ValueSource(strings = {"", "drop=0.1,dup=0.05,seed=7"})
    void theMeasuredPromisesLoseNoFileAndNoName(String faults) {
        Faults setting = faults.isEmpty() ? Faults.NONE : Faults.parse(faults);
        AmoebaFilesCrashes.Outcome bullet = AmoebaFilesCrashes.bulletCrash(AmoebaSimulated.parameters(), setting, 12);
        assertEquals(new AmoebaFilesCrashes.Outcome(12, 0), bullet);
        AmoebaFilesCrashes.Outcome directory = AmoebaFilesCrashes.replicaLoss(AmoebaSimulated.parameters(), setting, 12);
        assertEquals(new AmoebaFilesCrashes.Outcome(12, 0), directory);
    }

    @Test
    void aNameTheDirectoryServerRefusesIsAOneLineErrorAndLeavesNoFile() {
        try (AmoebaFilesSimulated p = open("BULLET/DIR")) {
            UserError e = assertThrows(UserError.class, () -> write(p, "my file", content(100, 8)));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("refuses the name 'my file'"), e.getMessage());
            assertEquals(0, p.bullet().files(), "the file the directory would not name was destroyed");
            assertTrue(DirectoryServer.badName("x".repeat(256)) && !DirectoryServer.badName("x".repeat(255)) && DirectoryServer.badName("tab\t"));
        }
    }

    @Test
    void aFullStoreIsAOneLineErrorAndLeavesNoFile() {
        try (AmoebaFilesSimulated p = new AmoebaFilesSimulated("test", "BULLET", AmoebaSimulated.parameters().with("bullet_store_mb", 0.55), Faults.NONE)) {
            write(p, "fits", content(20_000, 9));
            UserError e = assertThrows(UserError.class, () -> write(p, "too-large", content(100 * 1024, 10)));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("is full"), e.getMessage());
            assertEquals(1, p.bullet().files());
            UserError free = assertThrows(UserError.class, () -> p.require(Files.class).requireFreeSpace(1 << 20, "a test's file"));
            assertTrue(free.getMessage().contains("bytes free"), free.getMessage());
            assertArrayEquals(content(20_000, 9), read(p, "fits"));
        }
    }

    @Test
    void anUnknownConfigurationIsAOneLineError() {
        UserError e = assertThrows(UserError.class, () -> open("BULLET/DIRECTORY"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("use BULLET"), e.getMessage());
        assertThrows(UserError.class, () -> new AmoebaFilesLive("test", "NFS", AmoebaSimulated.parameters(), "", java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))));
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "nothing was started");
    }

    @Test
    void theProviderDeclaresTheFilePlatformsSimulatedAndLive() {
        AmoebaProvider provider = new AmoebaProvider();
        assertEquals(org.asfast.spi.PlatformKind.SIMULATED, provider.kind(AmoebaProvider.BULLET_DIR_SIMULATED));
        assertEquals(org.asfast.spi.PlatformKind.SIMULATED, provider.kind(AmoebaProvider.BULLET_SIMULATED));
        assertEquals(org.asfast.spi.PlatformKind.LIVE, provider.kind(AmoebaProvider.BULLET_DIR_LIVE));
        assertEquals(org.asfast.spi.PlatformKind.LIVE, provider.kind(AmoebaProvider.BULLET_LIVE));
        try (Platform p = provider.open(AmoebaProvider.BULLET_SIMULATED, org.asfast.spi.PlatformSettings.defaults())) {
            assertTrue(p instanceof AmoebaFilesSimulated && p.clock().isVirtual());
        }
    }

    @Test
    void underLossAndDuplicationEveryOperationCompletesOnce() {
        try (AmoebaFilesSimulated p = new AmoebaFilesSimulated("test", "BULLET/DIR", AmoebaSimulated.parameters(), Faults.parse("drop=0.05,dup=0.05,seed=3"))) {
            for (int i = 0; i < 10; i++) {
                byte[] data = content(1000 * i, 20 + i);
                write(p, "f" + i, data);
                assertArrayEquals(data, read(p, "f" + i));
            }
            for (int i = 0; i < 10; i += 2) {
                p.require(Files.class).unlink("f" + i);
            }
            assertEquals(5, p.bullet().files(), "each create and destroy ran once");
            assertEquals(List.of("f1", "f3", "f5", "f7", "f9"), p.directory().list("").stream().sorted().toList());
            assertTrue(p.system().cluster().dropped() > 0);
        }
    }
}
