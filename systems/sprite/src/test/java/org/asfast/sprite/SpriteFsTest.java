package org.asfast.sprite;

import static org.asfast.sprite.SpriteFs.BLOCK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.spi.Files;
import org.asfast.spi.UserError;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sprite's file system on the simulated Sun 3/60s: caching, consistency between clients, and what survives crashes. */
class SpriteFsTest {
    private static final Arena ARENA = Arena.ofAuto();

    static SpriteFsSimulated sprite(boolean caching) {
        return new SpriteFsSimulated("test", SpriteSimulated.parameters(), Faults.NONE, caching);
    }

    /** {@code bytes} bytes, each {@code (seed + i) % 251}. */
    static byte[] pattern(int bytes, int seed) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) ((seed + i) % 251);
        }
        return b;
    }

    static void write(Files files, int fd, byte[] data) {
        MemorySegment buffer = ARENA.allocate(Math.max(1, data.length));
        MemorySegment.copy(data, 0, buffer, ValueLayout.JAVA_BYTE, 0, data.length);
        assertEquals(data.length, files.write(fd, buffer, data.length));
    }

    static byte[] read(Files files, int fd, int bytes) {
        MemorySegment buffer = ARENA.allocate(Math.max(1, bytes));
        int got = 0;
        long n;
        while (got < bytes && (n = files.read(fd, buffer.asSlice(got), bytes - got)) > 0) {
            got += (int) n;
        }
        return buffer.asSlice(0, got).toArray(ValueLayout.JAVA_BYTE);
    }

    static void writeFile(Files files, String path, byte[] data) {
        int fd = files.create(path);
        write(files, fd, data);
        files.close(fd);
    }

    static byte[] readFile(Files files, String path, int bytes) {
        int fd = files.openForReading(path);
        try {
            return read(files, fd, bytes + 1);
        } finally {
            files.close(fd);
        }
    }

    /**
     * A full disk refuses what does not fit in one line, and keeps what did: written through (NOCACHE) the block
     * that needs new room is refused; from a cache the close that would give the server the blocks is.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFullDiskIsAOneLineErrorAndKeepsWhatFits(boolean caching) {
        try (SpriteFsSimulated sprite = new SpriteFsSimulated("test", SpriteSimulated.parameters().with("sprite_disk_mb", 0.05), Faults.NONE, caching)) {
            Files files = sprite.require(Files.class);
            byte[] fits = pattern(20_000, 9);
            writeFile(files, "fits", fits);
            UserError free = assertThrows(UserError.class, () -> files.requireFreeSpace(1 << 20, "a test's file"));
            assertTrue(free.getMessage().contains("has " + (Math.round(0.05 * (1 << 20)) - 5 * 4096) + " bytes free, and a test's file needs 1048576"), free.getMessage());
            int fd = files.create("too-large");
            UserError full = assertThrows(UserError.class, () -> {
                write(files, fd, pattern(100 * 1024, 10));
                files.close(fd);
            });
            assertFalse(full.getMessage().contains("\n"), full.getMessage());
            assertTrue(full.getMessage().contains("disk is full: too-large does not fit"), full.getMessage());
            assertArrayEquals(fits, readFile(files, "fits", fits.length));
        }
    }

    /**
     * A delayed write the full disk refuses is not dropped: the block stays dirty on the client, the next call on
     * the file (a write, or its close) fails once with the server's one line, and once there is room the block goes
     * again and reaches the server's disk.
     */
    @ParameterizedTest(name = "told by the {0}")
    @ValueSource(strings = {"close", "next write"})
    void aDelayedWriteTheFullDiskRefusesStaysDirtyIsToldAndGoesOnceThereIsRoom(String toldBy) {
        try (SpriteFsSimulated sprite = new SpriteFsSimulated("test", SpriteSimulated.parameters().with("sprite_disk_mb", 0.05), Faults.NONE, true)) {
            Files files = sprite.require(Files.class); // room for 12 blocks
            writeFile(files, "filler", pattern(8 * BLOCK, 1)); // its close takes 8
            int fd = files.create("log");
            byte[] log = pattern(8 * BLOCK, 2);
            write(files, fd, log);
            sprite.idle(31); // the delayed writes go while log is open: its first 4 blocks fit, the other 4 do not
            assertEquals(4 * BLOCK, sprite.client().dirtyBytes(), "the refused blocks stay on the client");
            files.unlink("filler");
            UserError full = assertThrows(UserError.class, () -> {
                if (toldBy.equals("close")) {
                    files.close(fd);
                } else {
                    write(files, fd, new byte[1]);
                }
            });
            assertFalse(full.getMessage().contains("\n"), full.getMessage());
            assertTrue(full.getMessage().contains("disk is full: log does not fit"), full.getMessage());
            if (!toldBy.equals("close")) {
                files.close(fd); // told once: the close works
            }
            sprite.idle(31); // write_retry_s (30 s) after the refusal the blocks go again, and now fit
            assertEquals(0, sprite.client().dirtyBytes());
            sprite.crashAndRestartClient();
            assertArrayEquals(log, readFile(sprite.require(Files.class), "log", log.length));
        }
    }

    /**
     * A refused write-back is tried again for as long as it is refused, {@code write_retry_s} after each refusal, as
     * Sprite's block cleaner does (FSUTIL_WRITE_RETRY_INTERVAL): the disk stays full for two tries, then room is made.
     */
    @Test
    void aRefusedWriteBackIsTriedAgainEveryRetryIntervalUntilTheServerTakesIt() {
        try (SpriteFsSimulated sprite = new SpriteFsSimulated("test", SpriteSimulated.parameters().with("sprite_disk_mb", 0.05), Faults.NONE, true)) {
            Files files = sprite.require(Files.class); // room for 12 blocks
            writeFile(files, "filler", pattern(8 * BLOCK, 1));
            int fd = files.create("log");
            byte[] log = pattern(8 * BLOCK, 2);
            write(files, fd, log);
            sprite.idle(31); // first try: 4 blocks fit, 4 are refused
            assertEquals(4 * BLOCK, sprite.client().dirtyBytes());
            double retry = SpriteSimulated.parameters().number("write_retry_s");
            long before = sprite.serverExecutions();
            sprite.idle(retry - 1);
            assertEquals(before, sprite.serverExecutions(), "nothing is tried again before the retry interval");
            sprite.idle(2); // second try: still full
            assertEquals(before + 4, sprite.serverExecutions(), "the 4 refused blocks were each tried again");
            assertEquals(4 * BLOCK, sprite.client().dirtyBytes());
            files.unlink("filler");
            sprite.idle(retry); // third try: they fit
            assertEquals(0, sprite.client().dirtyBytes());
            assertEquals(Long.MAX_VALUE, sprite.client().nextWriteBack(), "nothing left to try");
            assertThrows(UserError.class, () -> files.close(fd), "the refusal is told at the close");
            sprite.crashAndRestartClient();
            assertArrayEquals(log, readFile(sprite.require(Files.class), "log", log.length));
        }
    }

    /**
     * A file another client removed is gone: the server refuses its delayed writes, and this client drops them, as
     * Sprite does for a file removed under its cache (FSCACHE_FILE_GONE), rather than keep a block it can never write;
     * the next call on the file says why, once.
     */
    @Test
    void theDelayedWritesOfAFileAnotherClientRemovedAreDroppedAndToldOnce() {
        try (SpriteFsSimulated sprite = sprite(true)) {
            Files files = sprite.require(Files.class);
            int fd = files.create("shared");
            write(files, fd, pattern(2 * BLOCK, 3));
            sprite.files(sprite.addClient(true)).unlink("shared");
            sprite.idle(31);
            assertEquals(0, sprite.client().dirtyBytes(), "the gone file's blocks were dropped");
            assertEquals(Long.MAX_VALUE, sprite.client().nextWriteBack(), "and are not tried again");
            UserError gone = assertThrows(UserError.class, () -> write(files, fd, new byte[1]));
            assertFalse(gone.getMessage().contains("\n"), gone.getMessage());
            assertTrue(gone.getMessage().contains("shared"), gone.getMessage());
            long executions = sprite.serverExecutions();
            sprite.idle(2 * SpriteSimulated.parameters().number("write_retry_s"));
            assertEquals(executions, sprite.serverExecutions(), "nothing was sent again");
        }
    }

    /**
     * A write past a file's end takes every block up to it: a sparse one that would not fit is refused though it
     * writes one block; the disk's room follows writes, truncation and removal.
     */
    @Test
    void aSparseWriteIsChargedEveryBlockUpToIt() {
        try (SpriteFsSimulated sprite = new SpriteFsSimulated("test", SpriteSimulated.parameters().with("sprite_disk_mb", 0.05), Faults.NONE, true)) {
            long disk = Math.round(0.05 * (1 << 20)); // room for 12 blocks
            RawCaller caller = new RawCaller(sprite);
            int id = caller.create("sparse");
            assertEquals(SpriteFs.OK, caller.write(id, 0));
            assertEquals(SpriteFs.NO_SPACE, caller.write(id, 20), "21 blocks do not fit in 12");
            assertEquals(disk - BLOCK, caller.free());
            assertEquals(SpriteFs.OK, caller.write(id, 11), "12 blocks do");
            assertEquals(disk - 12 * BLOCK, caller.free());
            assertEquals(SpriteFs.NO_SPACE, caller.write(id, 12));
            assertEquals(id, caller.create("sparse"), "created again: truncated");
            assertEquals(disk, caller.free());
            assertEquals(SpriteFs.OK, caller.write(id, 5));
            assertEquals(SpriteFs.OK, caller.call(SpriteFs.REMOVE, r -> r.putString("sparse")).getInt());
            assertEquals(disk, caller.free());
        }
    }

    /** A machine that sends the file server requests of its own, such as a write far past a file's end, which no client here makes. */
    private static final class RawCaller implements Node {
        private final SpriteKernel kernel = new SpriteKernel();
        private final SpriteFsSimulated sprite;
        private final int address;
        private NodeContext node;

        RawCaller(SpriteFsSimulated sprite) {
            this.sprite = sprite;
            address = sprite.addMachine(this);
        }

        @Override
        public void start(NodeContext context) {
            node = context;
            kernel.start(context);
        }

        @Override
        public void receive(int from, byte[] message) {
            kernel.receive(from, message);
        }

        SpriteFs.In call(int op, UnaryOperator<SpriteFs.Out> body) {
            Outcome outcome = new Outcome();
            byte[][] reply = new byte[1][];
            int server = sprite.serverAddress();
            sprite.system().await(address, () -> kernel.call(server, body.apply(SpriteFs.request(op, kernel.booted(server))).bytes(), r -> {
                reply[0] = r;
                outcome.succeed(node.nanos());
            }, outcome::fail), outcome, 60e9, "a test's call");
            return new SpriteFs.In(reply[0]);
        }

        int create(String path) {
            SpriteFs.In opened = call(SpriteFs.OPEN, r -> r.putInt(SpriteFs.WRITING | SpriteFs.CREATING).putString(path));
            assertEquals(SpriteFs.OK, opened.getInt());
            return opened.getInt();
        }

        int write(int id, int block) {
            return call(SpriteFs.WRITE, r -> r.putInt(id).putInt(block).putInt(0).putLong(0).putBytes(new byte[100], 0, 100)).getInt();
        }

        long free() {
            SpriteFs.In answer = call(SpriteFs.FREE, r -> r);
            assertEquals(SpriteFs.OK, answer.getInt());
            return answer.getLong();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void whatIsWrittenIsReadBackWithItsSizeAndNamesWork(boolean caching) {
        try (SpriteFsSimulated sprite = sprite(caching)) {
            Files files = sprite.require(Files.class);
            files.mkdir("a");
            files.mkdir("a/b");
            byte[] data = pattern(10_000, 3);
            writeFile(files, "a/b/foo", data);
            assertArrayEquals(data, readFile(files, "a/b/foo", data.length));
            assertEquals(data.length, files.stat("a/b/foo"));
            files.unlink("a/b/foo");
            UserError missing = assertThrows(UserError.class, () -> files.openForReading("a/b/foo"));
            assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
            assertThrows(UserError.class, () -> files.create("nowhere/foo"), "a missing directory");
        }
    }

    @Test
    void cachedReadsStayOnTheClientAndUncachedOnesGoToTheServerABlockAtATime() {
        for (boolean caching : new boolean[] {true, false}) {
            try (SpriteFsSimulated sprite = sprite(caching)) {
                Files files = sprite.require(Files.class);
                writeFile(files, "f", pattern(100 * 1024, 1));
                int fd = files.openForReading("f");
                long before = sprite.serverExecutions();
                read(files, fd, 100 * 1024);
                long rpcs = sprite.serverExecutions() - before;
                assertEquals(caching ? 0 : 25, rpcs, "RPCs to read 100 KB with caching " + caching);
                files.close(fd);
            }
        }
    }

    @Test
    void aReaderOnAnotherClientSeesTheLastWritersDirtyBlocksAndANewVersionDropsOldOnes() {
        try (SpriteFsSimulated sprite = sprite(true)) {
            Files a = sprite.require(Files.class);
            Files b = sprite.files(sprite.addClient(true));
            byte[] first = pattern(10_000, 1);
            writeFile(a, "shared", first);
            assertTrue(sprite.client().dirtyBytes() > 0, "A's blocks are still only in A's cache");
            assertArrayEquals(first, readFile(b, "shared", first.length), "the server recalled A's dirty blocks for B's open");
            assertEquals(0, sprite.client().dirtyBytes(), "A wrote them back");
            byte[] second = pattern(6_000, 7);
            writeFile(b, "shared", second);
            assertArrayEquals(second, readFile(a, "shared", second.length), "A's cached blocks of the old version were dropped");
        }
    }

    @Test
    void writeSharingTurnsCachingOffSoEachWriteIsSeenAtOnce() {
        try (SpriteFsSimulated sprite = sprite(true)) {
            Files a = sprite.require(Files.class);
            Files b = sprite.files(sprite.addClient(true));
            writeFile(a, "log", pattern(4096, 0));
            int writer = a.create("log");
            write(a, writer, pattern(1000, 5)); // cached on A: the file is not shared yet
            int reader = b.openForReading("log"); // now it is: A's block comes back, and nobody caches the file
            assertArrayEquals(pattern(1000, 5), read(b, reader, 5000));
            long before = sprite.serverExecutions();
            write(a, writer, pattern(500, 9));
            assertTrue(sprite.serverExecutions() > before, "A's write went through to the server");
            assertArrayEquals(pattern(500, 9), read(b, reader, 5000), "B sees A's write without a close");
            a.close(writer);
            b.close(reader);
        }
    }

    @Test
    void afterTheServerCrashesAndRestartsTheClientReopensItsFilesAndKeepsItsDirtyBlocks() {
        try (SpriteFsSimulated sprite = sprite(true)) {
            Files files = sprite.require(Files.class);
            byte[] old = pattern(8192, 2);
            writeFile(files, "old", old);
            sprite.idle(31); // on the server's disk
            int fd = files.create("new"); // created less than 30 s before the crash: the server's disk never hears of it
            byte[] first = pattern(8192, 4);
            write(files, fd, first);
            sprite.crashServer();
            sprite.idle(2);
            sprite.restartServer();
            byte[] second = pattern(5000, 6);
            write(files, fd, second);
            files.close(fd);
            assertTrue(sprite.client().dirtyBytes() >= first.length, "the dirty blocks stayed on the client");
            sprite.idle(31); // the client writes them back, the server writes them to disk
            sprite.crashServer(); // only the disk survives this one
            sprite.restartServer();
            Files other = sprite.files(sprite.addClient(true));
            byte[] expected = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, expected, first.length, second.length);
            assertArrayEquals(expected, readFile(other, "new", expected.length));
            assertArrayEquals(old, readFile(other, "old", old.length));
        }
    }

    /**
     * The design's promise: a client crash loses at most the writes of the last 30 seconds. Each dirty block is due
     * back at the server 30 s after it was first written, and a write-back sent then lands or is given up within
     * RPC's resend schedule for a fragmented message (0.5 + 1 + 1 + 1 + 1 + 1 + 1 + 1 = 7.5 s): the bound, 37.5 s,
     * is fixed before the run. A client writes a block a second for 90 s and crashes; the age of the oldest write
     * lost, from its acknowledgement, is the measured figure.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "drop=0.1,dup=0.05,seed=7"})
    void aClientCrashLosesOnlyTheWritesOfTheLastThirtySecondsAndOneWriteBacksResends(String faults) {
        SpriteFsCrashes.ClientCrash crash = SpriteFsCrashes.clientCrash(SpriteSimulated.parameters(), faults.isEmpty() ? Faults.NONE : Faults.parse(faults), 90);
        System.out.printf(java.util.Locale.ROOT, "simulated client crash (%s): %d of %d acknowledged writes lost, the oldest %.4f s old, bound %.4f s, oldest write-back %.4f s past due%n",
                faults, crash.lost(), crash.writes(), crash.oldestLostNanos() / 1e9, crash.boundNanos() / 1e9, crash.overdueNanos() / 1e9);
        assertEquals(37_500_000_000L, crash.boundNanos());
        // one write a second: the last 30 s hold 29 or 30 of them, depending on whether the 30 s old one's write-back made it
        assertTrue(crash.lost() == 29 || crash.lost() == 30, crash.lost() + " writes lost");
        assertTrue(crash.oldestLostNanos() <= 37_500_000_000L, "lost a write " + crash.oldestLostNanos() + " ns old");
        assertTrue(crash.kept());
    }

    /** With every packet delivered, a write-back is past due only while it is on its way, answered before RPC's first resend. */
    @Test
    void withoutLostPacketsAClientCrashLosesNoWriteOlderThanTheDelayAndOneWriteBack() {
        SpriteFsCrashes.ClientCrash crash = SpriteFsCrashes.clientCrash(SpriteSimulated.parameters(), Faults.NONE, 90);
        long firstResend = Math.round(SpriteSimulated.parameters().number("retransmit_ms") * 1e6);
        assertTrue(crash.overdueNanos() > 0 && crash.overdueNanos() < firstResend, "a write-back past due by " + crash.overdueNanos() + " ns with no packet lost");
        assertTrue(crash.oldestLostNanos() < 30_000_000_000L + firstResend);
    }

    /** A client whose write-back timer is a minute late loses writes older than the bound stated for Sprite's parameters: the promise is broken. */
    @Test
    void aClientWhoseWriteBacksAreAMinuteLateBreaksThePromise() {
        SystemParameters promised = SpriteSimulated.parameters();
        SpriteFsCrashes.ClientCrash crash = SpriteFsCrashes.clientCrash(promised, promised.with("delayed_write_s", 90), Faults.NONE, 90);
        assertTrue(crash.lost() >= 89, crash.lost() + " writes lost"); // nothing written back before the 90th second
        assertTrue(crash.oldestLostNanos() > crash.boundNanos(), crash.toString());
        assertFalse(crash.kept());
    }

    /** Across server crashes every 10 s, with and without lost and duplicated packets, no acknowledged write of a caching client is lost. */
    @ParameterizedTest
    @ValueSource(strings = {"", "drop=0.05,dup=0.05,seed=3"})
    void serverCrashesLoseNoAcknowledgedWrite(String faults) {
        SpriteFsCrashes.ServerCrash crash = SpriteFsCrashes.serverCrash(SpriteSimulated.parameters(), faults.isEmpty() ? Faults.NONE : Faults.parse(faults), 40);
        assertEquals(5, crash.crashes());
        assertEquals(0, crash.lost(), crash.lost() + " of " + crash.writes() + " writes lost");
    }

    @Test
    void withoutCachingAClientCrashLosesNothing() {
        try (SpriteFsSimulated sprite = sprite(false)) {
            Files files = sprite.require(Files.class);
            byte[] data = pattern(12_000, 8);
            int fd = files.create("f");
            write(files, fd, data);
            sprite.crashAndRestartClient();
            assertArrayEquals(data, readFile(sprite.require(Files.class), "f", data.length));
        }
    }

    @Test
    void underLossAndDuplicationEveryOperationCompletesWithTheRightData() {
        try (SpriteFsSimulated sprite = new SpriteFsSimulated("test", SpriteSimulated.parameters(), Faults.parse("drop=0.05,dup=0.05,seed=5"), true)) {
            Files files = sprite.require(Files.class);
            for (int i = 0; i < 5; i++) {
                byte[] data = pattern(20_000, i);
                writeFile(files, "f" + i, data);
                assertArrayEquals(data, readFile(sprite.files(sprite.client()), "f" + i, data.length));
            }
            sprite.idle(31);
            assertTrue(sprite.system().cluster().dropped() > 0, "the faults happened");
            assertEquals(0, sprite.client().dirtyBytes(), "every delayed block reached the server");
        }
    }

    @Test
    void aNameTheServerRefusesIsAOneLineError() {
        try (SpriteFsSimulated sprite = sprite(true)) {
            Files files = sprite.require(Files.class);
            for (String bad : new String[] {"../x", "/etc/passwd", "a//b", "x".repeat(300)}) {
                UserError e = assertThrows(UserError.class, () -> files.create(bad));
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().contains("refuses"), e.getMessage());
            }
        }
    }
}
