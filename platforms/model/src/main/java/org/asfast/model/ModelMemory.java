package org.asfast.model;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.asfast.spi.CacheSizes;
import org.asfast.spi.Memory;

/** Real memory for the workloads' buffers; copies are done for real and charged at the modelled bandwidth (§7). */
final class ModelMemory implements Memory {
    private final Hardware hw;
    private final Arena arena = Arena.ofShared();

    ModelMemory(Hardware hw) {
        this.hw = hw;
    }

    @Override
    public MemorySegment allocate(long bytes, long alignment) {
        return arena.allocate(bytes, alignment);
    }

    @Override
    public void copy(MemorySegment source, MemorySegment destination, long bytes) {
        MemorySegment.copy(source, 0, destination, 0, bytes);
        boolean cached = hw.fitsInCache(bytes);
        hw.copy(bytes, cached, cached);
    }

    @Override
    public CacheSizes caches() {
        return new CacheSizes(hw.cacheBytes, hw.cacheBytes);
    }

    void close() {
        arena.close();
    }
}
