package org.asfast.rmem;

import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.spi.Clock;
import org.asfast.spi.RemoteMemory;
import org.asfast.systems.SystemPlatform;

/**
 * rmem live on this computer as a platform: the name server and a server machine in JVMs of their own, the client
 * machine in this one ({@link RmemLive}), timed by the wall clock. Only remote memory is offered. A WRITE returns when
 * the server's kernel acknowledges it, so timing one gives a round trip; the paper's one-way, unacknowledged write is
 * timed through the server's echo ({@link #writeEcho}, two one-way WRITEs).
 */
public final class RmemLivePlatform extends SystemPlatform implements RemoteMemory {
    private final RmemLive live;
    /** Segments imported for echoes, by name. */
    private final java.util.Map<String, Descriptor> echoes = new java.util.HashMap<>();

    public RmemLivePlatform(String name, String faults) {
        super(name);
        live = new RmemLive(faults);
    }

    @Override
    public Segment open(String segmentName) {
        Descriptor d = live.importSegment(segmentName);
        return new Segment() {
            @Override
            public byte[] read(int offset, int bytes) {
                return live.read(d, offset, bytes);
            }

            @Override
            public void write(int offset, byte[] data) {
                live.write(d, offset, data);
            }

            @Override
            public void writeBlocks(int offset, byte[] block, int count) {
                live.writeBlocks(d, offset, block, count);
            }

            @Override
            public boolean compareAndSwap(int offset, int expected, int replacement) {
                return live.cas(d, offset, expected, replacement)[0] == 1;
            }

            @Override
            public int bytes() {
                return d.bytes();
            }
        };
    }

    @Override
    public void writeEcho(String name, boolean notify) {
        live.writeEcho(echoes.computeIfAbsent(name, live::importSegment), notify);
    }

    @Override
    public void export(String name) {
        live.export(name);
    }

    @Override
    public void revoke(String name) {
        live.revoke(name);
    }

    @Override
    public void lookup(String name, boolean cached) {
        live.lookup(name, cached);
    }

    @Override
    public void lookupByNotification(String name) {
        live.lookupByNotification(name);
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public void close() {
        live.close();
    }
}
