package org.asfast.nodes;

import java.util.function.Consumer;

/**
 * A node's persistent storage, addressed in bytes. Calls return at once and report completion on the node's
 * loop: in simulation after the modelled disk's seek, rotation and transfer; live after the file write
 * (and the fsync, for {@link #write} with {@code durable}).
 */
public interface Storage {

    /** Reads {@code length} bytes at {@code offset}; bytes never written read as zero. */
    void read(long offset, int length, Consumer<byte[]> done);

    /** Writes {@code data} at {@code offset}; {@code done} runs when it is on disk if {@code durable}, else when it is accepted. */
    void write(long offset, byte[] data, boolean durable, Runnable done);

    /** The highest offset written so far, plus one. */
    long size();
}
