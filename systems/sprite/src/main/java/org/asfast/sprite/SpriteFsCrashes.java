package org.asfast.sprite;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.asfast.nodes.Faults;
import org.asfast.spi.Files;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's promises under crashes, measured on the simulated file system (virtual time, so the 30 seconds are real
 * ones): a client crash loses at most the writes of the last {@code delayed_write_s}; a server crash loses none of
 * a caching client's, which reopens its files and keeps its dirty blocks.
 */
public final class SpriteFsCrashes {
    private static final int BLOCK = SpriteFs.BLOCK;

    private SpriteFsCrashes() {
    }

    /** What server crashes lost: of {@code writes} acknowledged block writes, {@code lost}, after {@code crashes} crashes. */
    public record ServerCrash(int writes, int lost, int crashes) {
    }

    /**
     * What a client crash lost: of {@code writes} acknowledged block writes, {@code lost}, the oldest
     * {@code oldestLostNanos} after it was acknowledged (virtual time), against {@code boundNanos}, the bound stated
     * before the run from the parameters alone ({@link #clientCrashBoundNanos}). {@code overdueNanos} is measured
     * apart: how far past due the oldest write-back still unanswered at the crash was (on its way, or lost and
     * waiting to be sent again).
     */
    public record ClientCrash(int writes, int lost, long oldestLostNanos, long boundNanos, long overdueNanos) {
        /** True if no lost write was older than the bound. */
        public boolean kept() {
            return oldestLostNanos <= boundNanos;
        }
    }

    /**
     * The oldest a write lost in a client crash may be, from the parameters only: each dirty block is due back at
     * the server {@code delayed_write_s} after it was first written (a timer per block, not Sprite's scan every
     * 5 s), and a write-back sent then lands or is given up within RPC's full resend schedule for a fragmented
     * message (a 4 KB block is 4 fragments): {@code fragmented_retry_ms} doubling up to {@code max_timeout_wait_ms}
     * for {@code max_tries} tries, 7.5 s with Sprite's values. A server that keeps acknowledging a write it cannot
     * finish would restart the tries; the file server here answers each write-back at once.
     */
    public static long clientCrashBoundNanos(SystemParameters parameters) {
        return Math.round(parameters.number("delayed_write_s") * 1e9) + Math.round(SpriteKernel.giveUpNanos(parameters::number, true));
    }

    /** A caching client writes a block a second for {@code seconds}, then crashes and boots again; the blocks that survived are read back. */
    public static ClientCrash clientCrash(SystemParameters parameters, Faults faults, int seconds) {
        return clientCrash(parameters, parameters, faults, seconds);
    }

    /** As above, the bound stated from {@code promised}, the file system run with {@code running} (a test's broken client). */
    static ClientCrash clientCrash(SystemParameters promised, SystemParameters running, Faults faults, int seconds) {
        long bound = clientCrashBoundNanos(promised);
        try (SpriteFsSimulated sprite = new SpriteFsSimulated("client-crash", running, faults, true)) {
            Files files = sprite.require(Files.class);
            long[] acknowledged = new long[seconds];
            int fd = files.create("log");
            for (int i = 0; i < seconds; i++) {
                write(sprite, files, fd, block(i));
                acknowledged[i] = sprite.clock().nanos();
                sprite.idle(1);
            }
            long crashAt = sprite.clock().nanos();
            long overdue = Math.max(0, sprite.client().longestWriteBackOverdue());
            sprite.crashAndRestartClient();
            byte[] survived = readWhole(sprite, sprite.require(Files.class), "log", seconds * BLOCK);
            int lost = 0;
            long oldest = 0;
            for (int i = 0; i < seconds; i++) {
                if (!kept(survived, i)) {
                    lost++;
                    oldest = Math.max(oldest, crashAt - acknowledged[i]);
                }
            }
            return new ClientCrash(seconds, lost, oldest, bound, overdue);
        }
    }

    /**
     * A caching client writes a block a second for {@code seconds} to a file it keeps open while the server crashes
     * and restarts every 10 seconds (2 seconds down); then it closes the file, 31 seconds pass, the server crashes
     * once more (only its disk survives) and another client reads the file back.
     */
    public static ServerCrash serverCrash(SystemParameters parameters, Faults faults, int seconds) {
        try (SpriteFsSimulated sprite = new SpriteFsSimulated("server-crash", parameters, faults, true)) {
            Files files = sprite.require(Files.class);
            int fd = files.create("log");
            int crashes = 0;
            for (int i = 0; i < seconds; i++) {
                write(sprite, files, fd, block(i));
                if (i % 10 == 9) {
                    sprite.crashServer();
                    sprite.idle(2);
                    sprite.restartServer();
                    crashes++;
                }
                sprite.idle(1);
            }
            files.close(fd);
            sprite.idle(parameters.number("delayed_write_s") + 1);
            sprite.crashServer();
            sprite.restartServer();
            crashes++;
            byte[] survived = readWhole(sprite, sprite.files(sprite.addClient(true)), "log", seconds * BLOCK);
            int lost = 0;
            for (int i = 0; i < seconds; i++) {
                lost += kept(survived, i) ? 0 : 1;
            }
            return new ServerCrash(seconds, lost, crashes);
        }
    }

    /** Block {@code i}'s bytes: all {@code i + 1}, so a block of zeros (never written) never passes for one. */
    private static byte[] block(int i) {
        byte[] b = new byte[BLOCK];
        Arrays.fill(b, (byte) (i % 250 + 1));
        return b;
    }

    private static boolean kept(byte[] file, int i) {
        return file.length >= (i + 1) * BLOCK && Arrays.equals(block(i), Arrays.copyOfRange(file, i * BLOCK, (i + 1) * BLOCK));
    }

    private static void write(SpriteFsPlatform sprite, Files files, int fd, byte[] data) {
        MemorySegment buffer = sprite.allocate(data.length, 8);
        MemorySegment.copy(data, 0, buffer, ValueLayout.JAVA_BYTE, 0, data.length);
        files.write(fd, buffer, data.length);
    }

    private static byte[] readWhole(SpriteFsPlatform sprite, Files files, String path, int bytes) {
        MemorySegment buffer = sprite.allocate(bytes + 1, 8);
        int fd = files.openForReading(path);
        long got = 0;
        long n;
        while (got <= bytes && (n = files.read(fd, buffer.asSlice(got), bytes + 1 - got)) > 0) {
            got += n;
        }
        files.close(fd);
        return buffer.asSlice(0, got).toArray(ValueLayout.JAVA_BYTE);
    }
}
