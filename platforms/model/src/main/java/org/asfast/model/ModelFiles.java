package org.asfast.model;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import org.asfast.model.Namespace.Node;
import org.asfast.spi.Files;

/** The Files capability of a modelled platform: descriptors over the namespace, costs from the file service. */
final class ModelFiles implements Files {
    private final Namespace names;
    private final FileService service;
    private final Descriptors descriptors;
    private final Hardware hw;
    private final Map<Integer, Open> open = new HashMap<>();

    private static final class Open {
        final String path;
        final Node node;
        long offset;
        boolean written;

        Open(String path, Node node) {
            this.path = path;
            this.node = node;
        }
    }

    ModelFiles(Namespace names, FileService service, Descriptors descriptors, Hardware hw) {
        this.names = names;
        this.service = service;
        this.descriptors = descriptors;
        this.hw = hw;
    }

    @Override
    public int openForReading(String path) {
        Node node = names.lookup(path);
        service.open(path, node);
        return remember(new Open(path, node));
    }

    @Override
    public int create(String path) {
        Node node = names.create(path, false);
        service.create(path, node);
        Open file = new Open(path, node);
        file.written = true;
        return remember(file);
    }

    @Override
    public long read(int fd, MemorySegment buffer, long bytes) {
        Open file = file(fd);
        long n = Math.max(0, Math.min(bytes, file.node.size - file.offset));
        service.read(file.path, file.node, file.offset, n);
        file.offset += n;
        return n;
    }

    @Override
    public long write(int fd, MemorySegment buffer, long bytes) {
        Open file = file(fd);
        service.write(file.path, file.node, file.offset, bytes);
        file.offset += bytes;
        file.node.size = Math.max(file.node.size, file.offset);
        file.written = true;
        return bytes;
    }

    @Override
    public void rewind(int fd) {
        file(fd).offset = 0;
        hw.syscall(0);
    }

    @Override
    public void close(int fd) {
        Open file = open.remove(fd);
        if (file == null) {
            throw new IllegalStateException("descriptor " + fd + " is not an open file of the modelled file system");
        }
        descriptors.release(fd);
        service.close(file.path, file.node, file.written);
    }

    @Override
    public void unlink(String path) {
        Node node = names.remove(path);
        service.unlink(path, node);
    }

    @Override
    public long stat(String path) {
        Node node = names.lookup(path);
        service.stat(path, node);
        return node.size;
    }

    @Override
    public void mkdir(String path) {
        Node node = names.create(path, true);
        service.mkdir(path, node);
    }

    @Override
    public void requireFreeSpace(long bytes, String purpose) {
        // the modelled disk holds sizes, not bytes: it never fills
    }

    private int remember(Open file) {
        int fd = descriptors.allocate();
        open.put(fd, file);
        return fd;
    }

    private Open file(int fd) {
        Open file = open.get(fd);
        if (file == null) {
            throw new IllegalStateException("descriptor " + fd + " is not an open file of the modelled file system");
        }
        return file;
    }
}
