package org.asfast.workloads.thekkath;

import org.asfast.spi.Platform;
import org.asfast.spi.RemoteMemory;
import org.asfast.workloads.Workload;

/**
 * Thekkath et al. Table 2, Throughput: "measured using the block write primitive on 4K byte blocks". One operation is
 * {@link #BLOCKS} WRITEs of a 4 Kbyte block, back to back, to the segment another machine exported as {@code bench},
 * ending when the last has landed; the bits moved over that time are the throughput.
 */
public final class BlockWriteThroughput implements Workload {
    public static final int BLOCK_BYTES = 4096;
    /** Blocks per operation: several, so that waiting for the last one's acknowledgement is a small part of the time. */
    public static final int BLOCKS = 8;

    private final RemoteMemory.Segment segment;
    private final byte[] block = new byte[BLOCK_BYTES];

    public BlockWriteThroughput(Platform platform) {
        segment = platform.require(RemoteMemory.class).open(RemoteMemoryLatency.SEGMENT);
        if (segment.bytes() < BLOCK_BYTES) {
            throw new IllegalStateException("segment " + RemoteMemoryLatency.SEGMENT + " holds " + segment.bytes() + " bytes, less than a " + BLOCK_BYTES + "-byte block");
        }
    }

    /** The blocks' WRITEs; returns the bytes they moved. */
    public long writeBlocks() {
        segment.writeBlocks(0, block, BLOCKS);
        return (long) BLOCK_BYTES * BLOCKS;
    }
}
