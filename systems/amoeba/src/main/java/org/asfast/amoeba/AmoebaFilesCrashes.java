package org.asfast.amoeba;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.asfast.nodes.Faults;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.spi.UserError;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's promises under crashes, measured on the simulated file service (BULLET/DIR): a file whose commit was
 * acknowledged survives the Bullet server's crash byte for byte; losing one of the directory server's two replicas
 * loses no name.
 */
public final class AmoebaFilesCrashes {
    private AmoebaFilesCrashes() {
    }

    /** Of {@code files} files committed and read back after the crash, {@code lost} were missing or not byte for byte the same. */
    public record Outcome(int files, int lost) {
    }

    /**
     * Commits {@code files} files of 0 to 59,999 bytes (several Bullet transactions each for the larger ones), and
     * crashes the Bullet server the moment the last commit is acknowledged; a fresh server on the same disk serves
     * them back.
     */
    public static Outcome bulletCrash(SystemParameters parameters, Faults faults, int files) {
        try (AmoebaFilesSimulated p = new AmoebaFilesSimulated("bullet-crash", "BULLET/DIR", parameters, faults)) {
            for (int i = 0; i < files; i++) {
                write(p, "f" + i, content(i));
            }
            p.restartBullet(); // its memory (the cache) is lost; its disk is not
            return new Outcome(files, lost(p, files, ""));
        }
    }

    /**
     * Enters {@code files} names two directories deep and removes every third, then gives the directory server a
     * fresh, empty disk in place of one replica; every name left must still lead to its file, and no removed name
     * may come back.
     */
    public static Outcome replicaLoss(SystemParameters parameters, Faults faults, int files) {
        try (AmoebaFilesSimulated p = new AmoebaFilesSimulated("replica-loss", "BULLET/DIR", parameters, faults)) {
            Files fs = p.require(Files.class);
            fs.mkdir("a");
            fs.mkdir("a/b");
            for (int i = 0; i < files; i++) {
                write(p, "a/b/f" + i, content(i));
            }
            for (int i = 0; i < files; i += 3) {
                fs.unlink("a/b/f" + i);
            }
            p.restartDirectory(new DirectoryServer("replica-0-replaced", "replica-1"));
            List<String> names = p.directory().list("a/b");
            long comeBack = names.stream().filter(n -> Integer.parseInt(n.substring(1)) % 3 == 0).count();
            return new Outcome(files, lost(p, files, "a/b/") + (int) comeBack);
        }
    }

    /** Files {@code prefix + "f" + i} that should exist (every one, or those not removed) and do not read back whole. */
    private static int lost(AmoebaFilesSimulated p, int files, String prefix) {
        int lost = 0;
        for (int i = 0; i < files; i++) {
            if (!prefix.isEmpty() && i % 3 == 0) {
                continue; // removed
            }
            try {
                lost += Arrays.equals(content(i), read(p, prefix + "f" + i)) ? 0 : 1;
            } catch (UserError missing) {
                lost++;
            }
        }
        return lost;
    }

    /** File {@code i}'s bytes: its own, from its number. */
    private static byte[] content(int i) {
        byte[] b = new byte[i * 7919 % 60_000];
        new SplittableRandom(i).nextBytes(b);
        return b;
    }

    /** Creates {@code path} with {@code data} on {@code p} and closes it (the commit); the bytes the write took. */
    static long write(Platform p, String path, byte[] data) {
        Files files = p.require(Files.class);
        MemorySegment buffer = p.require(Memory.class).allocate(Math.max(1, data.length), 8);
        MemorySegment.copy(data, 0, buffer, ValueLayout.JAVA_BYTE, 0, data.length);
        int fd = files.create(path);
        long wrote = files.write(fd, buffer, data.length);
        files.close(fd);
        return wrote;
    }

    /** The whole of {@code path} on {@code p}, and any bytes past the size it states. */
    static byte[] read(Platform p, String path) {
        Files files = p.require(Files.class);
        int size = (int) files.stat(path);
        MemorySegment buffer = p.require(Memory.class).allocate(size + 100, 8);
        int fd = files.openForReading(path);
        long n = files.read(fd, buffer, size + 100);
        files.close(fd);
        return buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    }
}
