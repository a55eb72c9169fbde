package org.asfast.workloads.douglis;

import java.lang.foreign.MemorySegment;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. §3.3, "read": "the time to read 10 Kbytes and 100 Kbytes from a file server". The file is
 * written once and opened; each operation reads it from its start to its end in one read call, into one buffer.
 * Whether the data comes from the client's cache or over the network is the platform's business (Table 2's
 * Sprite CACHE and NOCACHE, Amoeba's Bullet server).
 */
public final class FileRead implements Workload {
    static final String NAME = "read-kbytes";

    /** Table 2's two sizes. */
    public enum Case {
        TEN_KB("10 Kbytes", 10 * 1024),
        HUNDRED_KB("100 Kbytes", 100 * 1024);

        public final String label;
        public final int bytes;

        Case(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }
    }

    private final Files files;
    private final MemorySegment buffer;
    private final int bytes;
    private final int fd;

    public FileRead(Platform platform, Case selected) {
        files = platform.require(Files.class);
        bytes = selected.bytes;
        buffer = platform.require(Memory.class).allocate(bytes, 4096);
        buffer.fill((byte) 'r');
        int out = files.create(NAME);
        try {
            for (long written = 0; written < bytes; ) {
                written += files.write(out, buffer.asSlice(written), bytes - written);
            }
        } finally {
            files.close(out);
        }
        fd = files.openForReading(NAME);
    }

    /** Reads the whole file from its start; returns the bytes read. */
    public long read() {
        files.rewind(fd);
        long read = 0;
        long n;
        while (read < bytes && (n = files.read(fd, buffer.asSlice(read), bytes - read)) > 0) {
            read += n;
        }
        if (read != bytes) {
            throw new IllegalStateException("read " + read + " of " + bytes + " bytes");
        }
        return read;
    }

    @Override
    public void close() {
        files.close(fd);
        files.unlink(NAME);
    }
}
