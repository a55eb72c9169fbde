package org.asfast.host;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import org.asfast.spi.FileTrees;
import org.asfast.spi.UserError;

/**
 * A fresh scratch directory under the target, removed on close and, if the JVM is interrupted
 * (Ctrl-C, SIGTERM), by a shutdown hook. Removal never follows a symbolic link.
 */
final class Scratch implements AutoCloseable {
    static final int AT_FDCWD = -100;

    final Path dir;
    final int dirFd;
    private final Thread cleanupOnExit;
    private boolean closed;

    Scratch(Path target) {
        Path realTarget = TargetDirectory.check(target);
        try {
            dir = Files.createTempDirectory(realTarget, "asfast-scratch-");
        } catch (IOException e) {
            throw new UserError("cannot create a scratch directory in " + realTarget + " (" + e.getMessage() + "); check space and permissions or pass another --target");
        }
        cleanupOnExit = new Thread(this::deleteTree, "asfast-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        dirFd = openDirectory(dir);
    }

    private static int openDirectory(Path dir) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState();
            int fd = (int) Libc.OPENAT.invokeExact(state, AT_FDCWD, arena.allocateFrom(dir.toString()),
                    Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
            return (int) Syscall.check(fd, state, "open " + dir);
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Descriptors.close(dirFd);
        deleteTree();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it finds nothing left to delete.
        }
    }

    private void deleteTree() {
        FileTrees.delete(dir);
    }
}
