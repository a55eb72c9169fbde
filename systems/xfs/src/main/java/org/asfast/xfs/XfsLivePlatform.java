package org.asfast.xfs;

import org.asfast.spi.Clock;
import org.asfast.systems.SystemPlatform;

/**
 * xFS live as a platform: its nodes ({@link XfsLive}, with {@link #BLOCKS} blocks written by the peer client and kept in
 * its memory), on a network with the given faults, timed by the wall clock. It offers none of the SPI's capabilities:
 * xFS's own benchmarks use {@link #xfs()}.
 */
public final class XfsLivePlatform extends SystemPlatform {
    /** Blocks the peer client writes and caches; the reader's block {@code BLOCKS} shows they are all written. */
    public static final int BLOCKS = 4;
    /** A block only the storage servers hold: the reading client wrote it and dropped its copy ({@link #storeOnly}). */
    public static final int STORED = BLOCKS + 1;
    private final XfsLive xfs;

    public XfsLivePlatform(String name, String faults) {
        super(name);
        xfs = new XfsLive(faults, BLOCKS + 1);
        try {
            xfs.awaitWritten(BLOCKS + 1);
        } catch (RuntimeException e) {
            xfs.close();
            throw e;
        }
    }

    /**
     * Has the reading client write {@link #STORED} (on the storage servers' files once acknowledged) and drop its
     * copy, so that no client caches it and a read of it is served by the storage servers.
     */
    public void storeOnly() {
        xfs.write(STORED, WritingClient.content(STORED, xfs.blockBytes()));
        xfs.evict(STORED);
    }

    public XfsLive xfs() {
        return xfs;
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public void close() {
        xfs.close();
    }
}
