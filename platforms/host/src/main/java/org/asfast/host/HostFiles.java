package org.asfast.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

import org.asfast.spi.Files;

/**
 * Files under the scratch directory, through openat/unlinkat/mkdirat/fstatat relative to the
 * scratch directory's descriptor: the same path walk as open() relative to a working directory.
 * The last component is never followed if it is a symbolic link.
 */
final class HostFiles implements Files {
    private static final int MODE = 0644;
    private final Scratch scratch;
    private final Arena arena;
    private final MemorySegment statBuffer;
    /**
     * C strings of paths already used: open-close asks for the same name millions of times. The
     * Andrew benchmark uses thousands of names once each, so the cache stops growing at a bound and
     * keeps the names it has; they live as long as the platform's arena.
     */
    private static final int CACHED_PATHS = 1024;
    private final Map<String, MemorySegment> cPaths = new HashMap<>();

    HostFiles(Scratch scratch, Arena arena) {
        this.scratch = scratch;
        this.arena = arena;
        this.statBuffer = arena.allocate(Libc.STAT_BYTES, 8);
    }

    @Override
    public int openForReading(String path) {
        return openat(path, Libc.O_RDONLY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, "open");
    }

    @Override
    public int create(String path) {
        return openat(path, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, "create");
    }

    private int openat(String path, int flags, String what) {
        MemorySegment state = Libc.callState();
        try {
            int fd = (int) Libc.OPENAT.invokeExact(state, scratch.dirFd, cPath(path), flags, MODE);
            return (int) Syscall.check(fd, state, what + " " + path);
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public long read(int fd, MemorySegment buffer, long bytes) {
        return Descriptors.read(fd, buffer, bytes);
    }

    @Override
    public long write(int fd, MemorySegment buffer, long bytes) {
        return Descriptors.write(fd, buffer, bytes);
    }

    @Override
    public void rewind(int fd) {
        MemorySegment state = Libc.callState();
        try {
            Syscall.check((long) Libc.LSEEK.invokeExact(state, fd, 0L, 0), state, "lseek");
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public void close(int fd) {
        Descriptors.close(fd);
    }

    @Override
    public void unlink(String path) {
        MemorySegment state = Libc.callState();
        try {
            Syscall.check((int) Libc.UNLINKAT.invokeExact(state, scratch.dirFd, cPath(path), 0), state, "unlink " + path);
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public long stat(String path) {
        MemorySegment state = Libc.callState();
        try {
            Syscall.check((int) Libc.FSTATAT.invokeExact(state, scratch.dirFd, cPath(path), statBuffer, Libc.AT_SYMLINK_NOFOLLOW),
                    state, "stat " + path);
            return statBuffer.get(java.lang.foreign.ValueLayout.JAVA_LONG, Libc.STAT_SIZE_OFFSET);
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public void mkdir(String path) {
        MemorySegment state = Libc.callState();
        try {
            Syscall.check((int) Libc.MKDIRAT.invokeExact(state, scratch.dirFd, cPath(path), 0755), state, "mkdir " + path);
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public void writeBack() {
        MemorySegment state = Libc.callState();
        try {
            Syscall.check((int) Libc.SYNCFS.invokeExact(state, scratch.dirFd), state, "syncfs");
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public void requireFreeSpace(long bytes, String purpose) {
        TargetDirectory.requireFreeSpace(scratch.dir, bytes, purpose);
    }

    /** The absolute path of a scratch-relative name, for programs we spawn and for javac. */
    java.nio.file.Path resolve(String path) {
        return scratch.dir.resolve(checkRelative(path));
    }

    private MemorySegment cPath(String path) {
        MemorySegment c = cPaths.get(path);
        if (c != null) {
            return c;
        }
        checkRelative(path);
        if (cPaths.size() >= CACHED_PATHS) {
            return Arena.ofAuto().allocateFrom(path); // freed by the GC once the call no longer holds it
        }
        c = arena.allocateFrom(path);
        cPaths.put(path, c);
        return c;
    }

    static String checkRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a relative path inside the scratch directory: '" + path + "'");
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("path leaves the scratch directory: '" + path + "'");
            }
        }
        return path;
    }
}
