package org.asfast.workloads;

import java.lang.foreign.MemorySegment;

import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;

/**
 * Ousterhout §11, Create-Delete: "simulates the creation, use, and deletion of a temporary file. It
 * opens a file, writes some amount of data to the file, and closes the file. Then it opens the file
 * for reading, reads the data, closes the file, and finally deletes the file. I tried three
 * different amounts of data: none, 10 kbytes, and 100 kbytes."
 */
public final class CreateDelete implements Workload {
    static final String NAME = "temp";

    /** The paper's three columns. */
    public enum Case {
        NO_DATA("No data", 0),
        TEN_KB("10 kbytes", 10 * 1024),
        HUNDRED_KB("100 kbytes", 100 * 1024);

        public final String label;
        public final int bytes;

        Case(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }
    }

    private final Files files;
    private final MemorySegment data;
    private final int bytes;

    public CreateDelete(Platform platform, Case selected) {
        this(platform, selected.bytes);
    }

    /** Any file size, as Ousterhout tried between 2 and 9 KB to find SunOS 4.0.3's jump (§11). */
    public CreateDelete(Platform platform, int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a file size cannot be negative: " + bytes);
        }
        files = platform.require(Files.class);
        this.bytes = bytes;
        data = platform.require(Memory.class).allocate(Math.max(1, bytes), 4096);
        data.fill((byte) 'c');
    }

    /** Creates, writes, closes, reopens, reads, closes and deletes the file; returns the bytes read back. */
    public long iteration() {
        int out = files.create(NAME);
        long written = 0;
        while (written < bytes) {
            written += files.write(out, data.asSlice(written), bytes - written);
        }
        files.close(out);
        int in = files.openForReading(NAME);
        long read = 0;
        long n;
        while (read < bytes && (n = files.read(in, data.asSlice(read), bytes - read)) > 0) {
            read += n;
        }
        files.close(in);
        files.unlink(NAME);
        if (read != bytes) {
            throw new IllegalStateException("read back " + read + " of " + bytes + " bytes");
        }
        return read;
    }
}
