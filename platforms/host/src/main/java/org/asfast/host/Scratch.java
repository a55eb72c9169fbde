package org.asfast.host;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.asfast.spi.FileTrees;
import org.asfast.spi.UserError;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A fresh scratch directory under the target, removed on close and, if the JVM is interrupted
 * (Ctrl-C, SIGTERM), by a shutdown hook. Removal never follows a symbolic link.
 *
 * <p>The workload's files go in {@code asfast-scratch-N/tree-M}, and {@code asfast-scratch-N} carries ext4's
 * top-directory flag, so ext4 places {@code tree-M} as it would a directory at the root of the file system, usually in
 * another flex group than the forks before it, instead of next to its parent. Why: ext4 without a journal (this
 * machine's root file system has none) will not reuse an inode freed in the last minute (six while its table block is
 * dirty); it steps over each one, so creating a file in a group where thousands were just deleted costs a scan of them.
 * Without the flag each fork's files went into the group the forks before it had just emptied, and on this machine
 * Andrew's copy, 150 cp's, took 82, 91, 107, 115, 123 and 138 ms in six forks in a row, the extra time in
 * {@code ext4_create}'s {@code find_inode_bit} and {@code recently_deleted} (perf). With the flag: 73.7 to 76.9 ms in
 * six forks. A journalled ext4 reuses such inodes at once and the flag costs nothing there; other file systems ignore
 * the flag or refuse it, and the tree is made as before.
 */
final class Scratch implements AutoCloseable {
    static final int AT_FDCWD = -100;

    final Path dir;
    final int dirFd;
    private final Path root;
    private final Thread cleanupOnExit;
    private boolean closed;

    Scratch(Path target) {
        Path realTarget = TargetDirectory.check(target);
        try {
            root = Files.createTempDirectory(realTarget, "asfast-scratch-");
        } catch (IOException e) {
            throw new UserError("cannot create a scratch directory in " + realTarget + " (" + e.getMessage() + "); check space and permissions or pass another --target");
        }
        cleanupOnExit = new Thread(this::deleteTree, "asfast-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        try {
            markTopDirectory(root);
            dir = Files.createTempDirectory(root, "tree-"); // a new name each time: ext4 starts its search for a group at the name's hash
            dirFd = openDirectory(dir);
        } catch (IOException e) {
            abandon();
            throw new UserError("cannot create a scratch directory in " + root + " (" + e.getMessage() + "); check space and permissions or pass another --target");
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /** A scratch that could not be made whole (no directory open yet): removed at once, run or not, and its hook with it. */
    private void abandon() {
        closed = true;
        FileTrees.delete(root);
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    }

    /** Sets ext2/3/4's top-directory flag on {@code directory}, if its file system has it; nothing otherwise. */
    static boolean markTopDirectory(Path directory) {
        int fd;
        try {
            fd = openDirectory(directory);
        } catch (RuntimeException cannotOpen) {
            return false; // only a placement; whatever uses the directory will say what is wrong with it
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flags = arena.allocate(JAVA_INT);
            MemorySegment state = Libc.callState();
            if ((int) Libc.IOCTL.invokeExact(state, fd, Libc.FS_IOC_GETFLAGS, flags) != 0) {
                return false; // no inode flags here (tmpfs, NFS...)
            }
            flags.set(JAVA_INT, 0, flags.get(JAVA_INT, 0) | Libc.FS_TOPDIR_FL);
            return (int) Libc.IOCTL.invokeExact(state, fd, Libc.FS_IOC_SETFLAGS, flags) == 0;
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        } finally {
            Descriptors.close(fd);
        }
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

    /**
     * Removes the tree, or under a run ({@link HostPlatform#SCRATCH_KEPT_FOR_THE_RUN}, set for its forks, whose scratch
     * folders lie in the run's own, which the run removes when it ends or the next run after a kill -9) empties its
     * files but deletes none: a deleted inode would cost every
     * later fork whose tree ext4 puts in the same group a step in its scan for six minutes; with the trees kept, their
     * groups keep their directories, and ext4 puts the next tree elsewhere. Twelve Andrew copy forks in a row: 72.6 to
     * 100.6 ms, two above 89, deleting; 74.0 to 82.5 ms keeping.
     */
    private void deleteTree() {
        if (Boolean.getBoolean(HostPlatform.SCRATCH_KEPT_FOR_THE_RUN)) {
            emptyFiles(root);
        } else {
            FileTrees.delete(root);
        }
    }

    /** Truncates every regular file under {@code root} to 0 bytes (its space back, its inode kept); follows no link. */
    private static void emptyFiles(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (FileChannel file = FileChannel.open(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                        file.truncate(0);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the run removes the whole folder at its end; a file left full only costs space until then
        }
    }
}
