package org.asfast.amoeba;

import static org.asfast.amoeba.AmoebaFilesTest.content;
import static org.asfast.amoeba.AmoebaFilesTest.read;
import static org.asfast.amoeba.AmoebaFilesTest.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.asfast.spi.Files;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.UserError;
import org.asfast.systems.AndrewClasses;
import org.asfast.workloads.Andrew;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same Bullet and directory servers live: each a process of its own, their store and replicas files in the run's scratch folder. */
class AmoebaFilesLiveTest {
    /** What a run's -Dasfast.target would be: the platform's scratch folder is made in it. */
    @TempDir
    Path target;

    @AfterEach
    void noNodeProcessIsLeft() {
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process outlived its platform");
    }

    @Test
    void killingTheBulletServerRightAfterACommitLosesNoByte() throws Exception {
        Path scratch;
        try (AmoebaFilesLive p = new AmoebaFilesLive("test", "BULLET/DIR", AmoebaSimulated.parameters(), "", target)) {
            scratch = p.scratch();
            byte[] data = content(100 * 1024, 31);
            write(p, "kept", data); // acknowledged: on disk (fsynced) before the reply
            p.crashBullet(); // kill -9 at once
            p.restartBullet();
            assertArrayEquals(data, read(p, "kept"), "the file, byte for byte, from the store file");
            assertTrue(java.nio.file.Files.size(p.store()) >= data.length, "one store file holds it");
        }
        assertFalse(java.nio.file.Files.exists(scratch), "the run's scratch folder is gone");
    }

    @Test
    void losingOneDirectoryReplicaFileLosesNoName() throws Exception {
        try (AmoebaFilesLive p = new AmoebaFilesLive("test", "BULLET/DIR", AmoebaSimulated.parameters(), "", target)) {
            Files files = p.require(Files.class);
            files.mkdir("a");
            for (int i = 0; i < 4; i++) {
                write(p, "a/f" + i, content(100 + i, 40 + i));
            }
            files.unlink("a/f2");
            p.crashDirectory();
            java.nio.file.Files.delete(p.replicas().get(0)); // one replica's disk is gone
            p.restartDirectory();
            for (int i : new int[] {0, 1, 3}) {
                assertArrayEquals(content(100 + i, 40 + i), read(p, "a/f" + i));
            }
            assertThrows(UserError.class, () -> files.openForReading("a/f2"));
            for (Path replica : p.replicas()) {
                assertTrue(java.nio.file.Files.size(replica) > 0, "both replicas are whole again: " + replica);
            }
        }
    }

    @Test
    void badNamesAndAFullStoreAreOneLineErrorsAndLeaveNothingBehind() {
        Path scratch;
        try (AmoebaFilesLive p = new AmoebaFilesLive("test", "BULLET/DIR", AmoebaSimulated.parameters().with("bullet_store_mb", 0.55), "", target)) {
            scratch = p.scratch();
            for (String bad : List.of("my file", "x".repeat(300))) {
                UserError e = assertThrows(UserError.class, () -> write(p, bad, content(10, 1)));
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().contains("refuses the name"), e.getMessage());
            }
            UserError full = assertThrows(UserError.class, () -> write(p, "large", content(100 * 1024, 2)));
            assertTrue(full.getMessage().contains("is full"), full.getMessage());
            assertThrows(UserError.class, () -> p.require(Files.class).openForReading("large"), "no name was left for it");
        }
        assertFalse(java.nio.file.Files.exists(scratch), "the store and replicas went with the run's scratch folder");
    }

    @Test
    void theProviderMakesItsScratchFolderInTheRunsTargetAndRemovesIt() throws Exception {
        Path scratch;
        try (AmoebaFilesLive p = (AmoebaFilesLive) new AmoebaProvider().open(AmoebaProvider.BULLET_LIVE, new PlatformSettings(target, ""))) {
            scratch = p.scratch();
            assertEquals(target, scratch.getParent(), "the scratch folder is in the given target, not the system's temp folder");
            write(p, "kept", content(1000, 3));
            assertTrue(java.nio.file.Files.size(p.store()) >= 1000, "the Bullet store file is under the target: " + p.store());
        }
        assertFalse(java.nio.file.Files.exists(scratch), "the run's scratch folder is gone");
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(target)) {
            assertEquals(List.of(), left.toList(), "nothing left in the target");
        }
    }

    /**
     * The Andrew benchmark's programs live: cp and javac through the process's transactions. Its classes are committed on the
     * Bullet server, survive its kill -9 and restart, are the host's javac's byte for byte, and load; the store and replicas
     * go with the platform.
     */
    @ParameterizedTest
    @ValueSource(strings = {"BULLET", "BULLET/DIR"})
    void andrewCompilesThroughTheLiveServersAndItsClassesAreInTheStore(String configuration, @TempDir Path host) throws Exception {
        Map<String, byte[]> classes = AndrewClasses.compiledOnTheHost(host);
        Path scratch;
        try (AmoebaFilesLive p = new AmoebaFilesLive("test", configuration, AmoebaSimulated.parameters(), "", target)) {
            scratch = p.scratch();
            Andrew andrew = new Andrew(p);
            String copy = andrew.copyPhases();
            andrew.compilePhase(copy);
            p.crashBullet();
            p.restartBullet();
            assertEquals(classes.size(), AndrewClasses.assertSameClasses(p.require(Files.class), copy + "/classes", classes));
        }
        assertFalse(java.nio.file.Files.exists(scratch), "the run's scratch folder is gone");
    }
}
