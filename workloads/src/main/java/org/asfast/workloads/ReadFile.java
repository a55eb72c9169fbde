package org.asfast.workloads;

import java.lang.foreign.MemorySegment;

import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;

/**
 * Ousterhout §8, Read from File Cache: "opens a large file and reads the file repeatedly in
 * 16-kbyte blocks", with a file size "that would fit in the main-memory file cache" but "large
 * enough that the data to be copied in each kernel call was not resident in any hardware cache".
 * "The same buffer was re-used to receive the data from each call."
 *
 * <p>The file is four times the last-level cache, and at least 64 MB; it is read through once
 * before timing so that it is in the page cache.
 */
public final class ReadFile implements Workload {
    public static final int BLOCK_BYTES = 16 * 1024;
    static final String NAME = "read.dat";
    private static final long MIN_FILE_BYTES = 64L << 20;
    private static final int FILL_CHUNK = 1 << 20;

    private final Files files;
    private final MemorySegment block;
    private final long fileBytes;
    private final int fd;

    public ReadFile(Platform platform) {
        files = platform.require(Files.class);
        Memory memory = platform.require(Memory.class);
        fileBytes = fileBytes(memory.caches().lastLevel());
        files.requireFreeSpace(fileBytes + (16L << 20), "the read workload's " + (fileBytes >> 20) + " MB file");
        writeFile(memory);
        block = memory.allocate(BLOCK_BYTES, 4096);
        fd = files.openForReading(NAME);
        while (files.read(fd, block, BLOCK_BYTES) > 0) {
            // warm the page cache
        }
        files.rewind(fd);
    }

    /** Size of the file for a machine with this last-level cache. */
    public static long fileBytes(long lastLevelCache) {
        long bytes = Math.max(MIN_FILE_BYTES, 4 * lastLevelCache);
        return bytes / BLOCK_BYTES * BLOCK_BYTES;
    }

    private void writeFile(Memory memory) {
        MemorySegment chunk = memory.allocate(FILL_CHUNK, 4096);
        chunk.fill((byte) 'r');
        int out = files.create(NAME);
        try {
            for (long written = 0; written < fileBytes; ) {
                written += files.write(out, chunk, Math.min(FILL_CHUNK, fileBytes - written));
            }
        } finally {
            files.close(out);
        }
    }

    /** Reads the next 16 KB block, starting over at the end of the file; returns the bytes read. */
    public long readBlock() {
        long n = files.read(fd, block, BLOCK_BYTES);
        if (n == 0) {
            files.rewind(fd);
            n = files.read(fd, block, BLOCK_BYTES);
        }
        return n;
    }

    /** The file's size in bytes. */
    public long fileBytes() {
        return fileBytes;
    }

    @Override
    public void close() {
        files.close(fd);
        files.unlink(NAME);
    }
}
