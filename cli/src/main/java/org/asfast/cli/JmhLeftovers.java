package org.asfast.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files JMH keeps in the temp folder while it runs (a fork's stdout and stderr, the compiler
 * hints, named jmh&lt;digits&gt;&lt;suffix&gt;), left behind when a run is killed with -9. JMH
 * deletes them when it ends normally, and every JMH run holds jmh.lock in that folder while it
 * runs: so when the lock is free, any such file is a dead run's, and is removed.
 */
final class JmhLeftovers {
    private static final Pattern JMH_TEMP_FILE = Pattern.compile("jmh\\d+[a-z]+");

    private JmhLeftovers() {
    }

    /** Removes dead runs' JMH files, unless another JMH run holds the lock now (then they may be its own). */
    static void deleteIfIdle() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (FileChannel channel = FileChannel.open(tmp.resolve("jmh.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return;
            }
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path file : files.toList()) {
                    if (JMH_TEMP_FILE.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException | OverlappingFileLockException | SecurityException e) {
            // best effort: JMH reports a lock it cannot take by itself
        }
    }
}
