package org.asfast.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.asfast.nodes.Storage;

/**
 * A node's named storage live: one file in the node's scratch folder, which survives the node's crash and restart.
 * Reads and writes happen at once, in the handler that asks (their time is that handler's); completion is reported
 * on the node's loop as the next event, never inside the call, as a disk would.
 */
final class LiveStorage implements Storage, AutoCloseable {
    private final LiveNode loop;
    private final FileChannel file;
    private long size;

    LiveStorage(LiveNode loop, Path path) {
        this.loop = loop;
        try {
            this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.size = file.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open node storage " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void read(long offset, int length, Consumer<byte[]> done) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("a read needs offset >= 0 and length >= 0, not " + offset + " and " + length);
        }
        byte[] data = new byte[length]; // bytes past the end stay zero
        ByteBuffer buffer = ByteBuffer.wrap(data);
        try {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop.after(0, () -> done.accept(data));
    }

    @Override
    public void write(long offset, byte[] data, boolean durable, Runnable done) {
        if (offset < 0) {
            throw new IllegalArgumentException("a write needs offset >= 0, not " + offset);
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        try {
            while (buffer.hasRemaining()) {
                file.write(buffer, offset + buffer.position());
            }
            if (durable) {
                file.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size = Math.max(size, offset + data.length);
        loop.after(0, done);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
