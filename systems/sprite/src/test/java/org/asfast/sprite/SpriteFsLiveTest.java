package org.asfast.sprite;

import static org.asfast.sprite.SpriteFsTest.pattern;
import static org.asfast.sprite.SpriteFsTest.read;
import static org.asfast.sprite.SpriteFsTest.readFile;
import static org.asfast.sprite.SpriteFsTest.write;
import static org.asfast.sprite.SpriteFsTest.writeFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.asfast.spi.Files;
import org.asfast.spi.UserError;
import org.asfast.systems.AndrewClasses;
import org.asfast.systems.SystemParameters;
import org.asfast.workloads.Andrew;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same file server and client live: the server a JVM of its own with its disk files in the run's scratch folder,
 * the client in this one. Delayed writes wait 1 second instead of 30, so that the tests do not wait for minutes.
 */
class SpriteFsLiveTest {
    private static final double DELAY_S = 1;

    @TempDir
    Path scratch;

    /** Sprite's with its 30 s delay and retry interval made 1 s, so a test waits seconds. */
    static SystemParameters parameters() {
        return SpriteSimulated.parameters().with("delayed_write_s", DELAY_S).with("write_retry_s", DELAY_S);
    }

    @AfterEach
    void noNodeProcessIsLeft() {
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process outlived its platform");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void delayedBlocksReachTheServersDiskFile(boolean caching) throws IOException {
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters(), "", caching, scratch)) {
            Files files = sprite.require(Files.class);
            files.mkdir("a");
            byte[] data = pattern(100 * 1024, 1);
            writeFile(files, "a/foo", data);
            assertArrayEquals(data, readFile(files, "a/foo", data.length));
            sprite.idle(Duration.ofMillis(Math.round(DELAY_S * 3000)));
            Path disk = sprite.serverFolder().resolve("data");
            assertTrue(java.nio.file.Files.size(disk) >= data.length, "the blocks are in " + disk);
            assertEquals(0, sprite.dirtyBytes());
        }
    }

    @Test
    void afterAKilledServerRestartsTheClientReopensItsFileAndKeepsItsDirtyBlocks() {
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters().with("delayed_write_s", 600), "", true, scratch)) {
            Files files = sprite.require(Files.class);
            int fd = files.create("new");
            byte[] first = pattern(8192, 4);
            write(files, fd, first);
            sprite.crashServer(); // kill -9
            sprite.restartServer();
            byte[] second = pattern(5000, 6);
            write(files, fd, second);
            files.close(fd);
            assertTrue(sprite.dirtyBytes() >= first.length, "the dirty blocks stayed on the client");
            byte[] expected = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, expected, first.length, second.length);
            int in = files.openForReading("new");
            assertArrayEquals(expected, read(files, in, expected.length + 1));
            files.close(in);
        }
    }

    /**
     * With no call after a write, the client's daemon still sends the block when it is due: a crash after the delay
     * (and the daemon's check) loses nothing, the live promise independently of the benchmark's calls.
     */
    @Test
    void delayedWritesGoOutWithoutCallsOnceTheyAreDue() throws InterruptedException {
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters(), "", true, scratch)) {
            Files files = sprite.require(Files.class);
            int fd = files.create("idle");
            byte[] data = pattern(8192, 3);
            write(files, fd, data);
            files.close(fd);
            assertEquals(data.length, sprite.dirtyBytes(), "just written: only in the client's cache");
            Thread.sleep(Math.round(DELAY_S * 1000) + 700); // no call: only the daemon drives the client's kernel
            assertEquals(0, sprite.dirtyBytes(), "the daemon wrote the due blocks back");
            sprite.rebootClient(); // the client's memory is lost
            assertArrayEquals(data, readFile(sprite.require(Files.class), "idle", data.length + 1), "the server has every byte");
        }
    }

    /**
     * With no delayed write due, the daemon never takes the client's kernel: a benchmark's calls never wait for it;
     * a file created and removed (Table 2's create-delete) leaves nothing due either.
     */
    @Test
    void withNothingDueTheDaemonLeavesTheCallsAlone() throws InterruptedException {
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters(), "", true, scratch)) {
            Files files = sprite.require(Files.class);
            byte[] data = pattern(8192, 7);
            writeFile(files, "read", data);
            Thread.sleep(Math.round(DELAY_S * 1000) + 700); // its blocks go, with the daemon's turns
            assertEquals(0, sprite.dirtyBytes());
            long before = sprite.daemonTurns();
            assertTrue(before > 0, "the daemon sent the due blocks");
            writeFile(files, "gone", data);
            files.unlink("gone");
            long until = System.nanoTime() + Duration.ofMillis(Math.round(DELAY_S * 1000) + 400).toNanos();
            int loops = 0;
            while (System.nanoTime() - until < 0) { // open, read, close, past the delay of the removed file's blocks
                assertArrayEquals(data, readFile(files, "read", data.length + 1));
                Thread.sleep(5); // between calls, where the daemon used to run every 100 ms
                loops++;
            }
            assertTrue(loops > 0);
            assertEquals(before, sprite.daemonTurns(), "the daemon took the kernel while nothing was due");
        }
    }

    /**
     * A failure of the daemon (here a handler that throws in the client's kernel when the daemon runs it) is told to
     * the next call, once; the calls after it work, and the daemon goes on: the block still reaches the server with
     * no call.
     */
    @Test
    void aFailureOfTheDaemonIsToldToTheNextCallOnceAndTheDaemonGoesOn() throws InterruptedException {
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters(), "", true, scratch)) {
            Files files = sprite.require(Files.class);
            byte[] data = pattern(8192, 5);
            writeFile(files, "idle", data);
            sprite.throwInTheClientKernel(Duration.ofMillis(Math.round(DELAY_S * 900)), new IllegalStateException("a handler's bug"));
            Thread.sleep(Math.round(DELAY_S * 1000) + 500); // the daemon runs the kernel when the block is due, and the handler throws
            IllegalStateException told = assertThrows(IllegalStateException.class, () -> files.stat("idle"));
            assertTrue(told.getMessage().contains("delayed-write daemon failed: a handler's bug"), told.getMessage());
            assertEquals(data.length, files.stat("idle"), "told once: the next call works");
            byte[] later = pattern(4096, 6);
            writeFile(files, "later", later);
            Thread.sleep(Math.round(DELAY_S * 1000) + 700); // no call: only the daemon, going on, can send the new block
            assertEquals(0, sprite.dirtyBytes(), "the daemon wrote the due blocks back after its failure");
            sprite.rebootClient();
            assertArrayEquals(data, readFile(sprite.require(Files.class), "idle", data.length + 1), "the server has every byte");
            assertArrayEquals(later, readFile(sprite.require(Files.class), "later", later.length + 1));
        }
    }

    /**
     * Live, with no call meanwhile: the daemon's delayed writes that the full disk refuses stay dirty on the client
     * (tried again each retry interval, here 1 s), the file's close says the disk is full in one line, and once there is room they
     * reach the server.
     */
    @Test
    void delayedWritesTheFullDiskRefusesStayDirtyAndAreToldAtClose() throws InterruptedException {
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters().with("sprite_disk_mb", 0.05), "", true, scratch)) {
            Files files = sprite.require(Files.class); // room for 12 blocks
            writeFile(files, "filler", pattern(8 * 4096, 1)); // its close takes 8
            int fd = files.create("log");
            byte[] log = pattern(8 * 4096, 2);
            write(files, fd, log);
            Thread.sleep(Math.round(DELAY_S * 2000)); // the daemon sends log's blocks while it is open: 4 fit, 4 are refused again and again
            assertEquals(4 * 4096, sprite.dirtyBytes(), "the refused blocks stay on the client");
            files.unlink("filler");
            UserError full = assertThrows(UserError.class, () -> files.close(fd));
            assertTrue(full.getMessage().contains("disk is full: log does not fit") && !full.getMessage().contains("\n"), full.getMessage());
            Thread.sleep(Math.round(DELAY_S * 2500)); // tried again within a retry interval, and now they fit
            assertEquals(0, sprite.dirtyBytes());
            sprite.rebootClient();
            assertArrayEquals(log, readFile(sprite.require(Files.class), "log", log.length + 1));
        }
    }

    /** A client that crashes loses what it wrote in the last delay (here 1 s), and nothing older. */
    @Test
    void aClientCrashLosesOnlyTheWritesOfTheLastDelay() {
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters(), "", true, scratch)) {
            Files files = sprite.require(Files.class);
            int fd = files.create("log");
            byte[] old = pattern(4096, 1);
            write(files, fd, old);
            long oldAt = System.nanoTime();
            sprite.idle(Duration.ofMillis(Math.round(DELAY_S * 2500)));
            write(files, fd, pattern(4096, 2));
            long crashAt = System.nanoTime();
            sprite.rebootClient();
            byte[] survived = readFile(sprite.require(Files.class), "log", 8192);
            System.out.printf(java.util.Locale.ROOT, "live client crash: kept the write %.2f s old, lost the one %.3f s old (delay %.0f s)%n",
                    (crashAt - oldAt) / 1e9, (System.nanoTime() - crashAt) / 1e9, DELAY_S);
            assertArrayEquals(old, Arrays.copyOf(survived, 4096), "the write older than the delay survived");
            assertEquals(4096, survived.length, "the last write was only in the client's memory");
        }
    }

    /**
     * The Andrew benchmark's programs live: cp and javac through the client's calls. Its classes reach the server (its delayed
     * writes go out, then the client reboots, losing its cache) as the host's javac makes them, and they load; the server's
     * scratch folder goes with the platform.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void andrewCompilesThroughTheLiveServerAndItsClassesAreOnTheServer(boolean caching) throws IOException {
        Map<String, byte[]> host = AndrewClasses.compiledOnTheHost(scratch.resolve("host"));
        Path serverFolder;
        try (SpriteFsLive sprite = new SpriteFsLive("test", parameters(), "", caching, scratch)) {
            serverFolder = sprite.serverFolder();
            Andrew andrew = new Andrew(sprite);
            String copy = andrew.copyPhases();
            andrew.compilePhase(copy);
            sprite.idle(Duration.ofMillis(Math.round(DELAY_S * 2500)));
            assertEquals(0, sprite.dirtyBytes(), "every delayed write went out");
            sprite.rebootClient();
            assertEquals(host.size(), AndrewClasses.assertSameClasses(sprite.require(Files.class), copy + "/classes", host));
        }
        assertFalse(java.nio.file.Files.exists(serverFolder), "the server's disk files went with the platform");
    }
}
