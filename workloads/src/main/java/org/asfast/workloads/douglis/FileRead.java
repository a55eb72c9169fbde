package org.asfast.workloads.douglis;

import java.lang.foreign.MemorySegment;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. Table 2, read: "The 'read' benchmark measures the time to read 10 Kbytes and 100 Kbytes from a file
 * server", the file already open (the open is the open-close benchmark's). Each operation reads the whole file
 * from its start with one read call; the bytes come from wherever the platform keeps them (a server's cache, or a
 * client's).
 */
public final class FileRead implements Workload {
    static final String NAME = "read-file";

    /** The paper's two rows. */
    public enum Size {
        TEN_KB("10 Kbytes", 10 * 1024),
        HUNDRED_KB("100 Kbytes", 100 * 1024);

        public final String label;
        public final int bytes;

        Size(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }
    }

    private final Files files;
    private final MemorySegment buffer;
    private final int bytes;
    private final int fd;

    public FileRead(Platform platform, Size size) {
        files = platform.require(Files.class);
        bytes = size.bytes;
        buffer = platform.require(Memory.class).allocate(bytes, 4096);
        buffer.fill((byte) 'r');
        int out = files.create(NAME);
        try {
            files.write(out, buffer, bytes);
        } finally {
            files.close(out);
        }
        fd = files.openForReading(NAME);
    }

    /** Reads the whole file from its start; returns the bytes read. */
    public long read() {
        files.rewind(fd);
        long n = files.read(fd, buffer, bytes);
        if (n != bytes) {
            throw new IllegalStateException("read " + n + " of " + bytes + " bytes");
        }
        return n;
    }

    @Override
    public void close() {
        files.close(fd);
        files.unlink(NAME);
    }
}
