package org.asfast.model;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import org.asfast.spi.Files;

/**
 * The Files capability of a machine that mounts a {@link RemoteFileSystem}: the mount's calls under this process's
 * descriptor numbers (shared with its pipes). The model's own programs (cp, the compiler's passes) pass no buffer;
 * they get one of this platform's, as the bytes do not matter to the model.
 */
final class MountedFiles implements Files {
    private final Files mount;
    private final Descriptors descriptors;
    private final Map<Integer, Integer> remote = new HashMap<>();
    private final Arena arena = Arena.ofAuto();
    private MemorySegment scratch = MemorySegment.NULL;

    MountedFiles(Files mount, Descriptors descriptors) {
        this.mount = mount;
        this.descriptors = descriptors;
    }

    @Override
    public int openForReading(String path) {
        return remember(mount.openForReading(path));
    }

    @Override
    public int create(String path) {
        return remember(mount.create(path));
    }

    @Override
    public long read(int fd, MemorySegment buffer, long bytes) {
        return mount.read(remote(fd), buffer != null ? buffer : scratch(bytes), bytes);
    }

    @Override
    public long write(int fd, MemorySegment buffer, long bytes) {
        return mount.write(remote(fd), buffer != null ? buffer : scratch(bytes), bytes);
    }

    @Override
    public void rewind(int fd) {
        mount.rewind(remote(fd));
    }

    @Override
    public void close(int fd) {
        int theirs = remote(fd);
        remote.remove(fd);
        descriptors.release(fd);
        mount.close(theirs);
    }

    @Override
    public void unlink(String path) {
        mount.unlink(path);
    }

    @Override
    public long stat(String path) {
        return mount.stat(path);
    }

    @Override
    public void mkdir(String path) {
        mount.mkdir(path);
    }

    @Override
    public void requireFreeSpace(long bytes, String purpose) {
        mount.requireFreeSpace(bytes, purpose);
    }

    private int remember(int theirs) {
        int fd = descriptors.allocate();
        remote.put(fd, theirs);
        return fd;
    }

    private int remote(int fd) {
        Integer theirs = remote.get(fd);
        if (theirs == null) {
            throw new IllegalStateException("descriptor " + fd + " is not an open file of the mounted file system");
        }
        return theirs;
    }

    private MemorySegment scratch(long bytes) {
        if (scratch.byteSize() < bytes) {
            scratch = arena.allocate(bytes, 8);
        }
        return scratch;
    }
}
