package org.asfast.workloads;

import java.lang.foreign.MemorySegment;

import org.asfast.spi.CacheSizes;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;

/**
 * Ousterhout §7, Block Copy: "uses the bcopy procedure to transfer large blocks of data from one
 * area of memory to another". In the cached case the blocks are "large enough (and aligned
 * properly) to use bcopy in the most efficient way possible" yet "small enough that both the source
 * and destination block fit in the cache"; in the uncached case the "transfer size [is] larger than
 * the cache size". "Several transfers were made between the same source and destination."
 *
 * <p>Today's machines have several cache levels. Cached means source plus destination fill half of
 * the largest cache private to one CPU; uncached means each block is four times the last-level
 * cache. Buffers are 4096-aligned: misaligned copies were bimodal on this kind of machine.
 */
public final class Bcopy implements Workload {
    static final long ALIGNMENT = 4096;

    /** The paper's two columns. */
    public enum Case {
        CACHED("Cached"),
        UNCACHED("Uncached");

        public final String label;

        Case(String label) {
            this.label = label;
        }
    }

    private final Memory memory;
    private final MemorySegment source;
    private final MemorySegment destination;
    private final long blockBytes;

    public Bcopy(Platform platform, Case selected) {
        memory = platform.require(Memory.class);
        blockBytes = blockBytes(memory.caches(), selected);
        source = memory.allocate(blockBytes, ALIGNMENT);
        destination = memory.allocate(blockBytes, ALIGNMENT);
        for (long i = 0; i < blockBytes; i += 8) {
            source.set(java.lang.foreign.ValueLayout.JAVA_LONG, i, i);
        }
    }

    /** The block size for a case, from the machine's cache sizes. */
    public static long blockBytes(CacheSizes caches, Case selected) {
        return switch (selected) {
            case CACHED -> Math.max(ALIGNMENT, caches.largestPrivate() / 4 / ALIGNMENT * ALIGNMENT);
            case UNCACHED -> 4 * caches.lastLevel() / ALIGNMENT * ALIGNMENT;
        };
    }

    /** Copies one block from source to destination. */
    public void copy() {
        memory.copy(source, destination, blockBytes);
    }

    /** Bytes moved by one {@link #copy()}. */
    public long bytesPerCopy() {
        return blockBytes;
    }
}
