package org.asfast.xfs;

import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Platform;

/**
 * xFS live as a platform: its nodes ({@link XfsLive}, with {@link #BLOCKS} blocks written by the peer client and kept in
 * its memory), timed by the wall clock. It offers none of the SPI's capabilities: xFS's own benchmarks use {@link #xfs()}.
 */
public final class XfsLivePlatform implements Platform {
    /** Blocks the peer client writes and caches; the reader's block {@code BLOCKS} shows they are all written. */
    public static final int BLOCKS = 4;
    private final String name;
    private final XfsLive xfs;

    public XfsLivePlatform(String name) {
        this.name = name;
        xfs = new XfsLive("", BLOCKS + 1);
        try {
            xfs.awaitWritten(BLOCKS + 1);
        } catch (RuntimeException e) {
            xfs.close();
            throw e;
        }
    }

    public XfsLive xfs() {
        return xfs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public void close() {
        xfs.close();
    }
}
