package org.asfast.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.asfast.spi.CacheSizes;
import org.asfast.spi.Memory;

/** Native memory from the platform's arena, copied with the C library's memcpy (bcopy's successor). */
final class HostMemory implements Memory {
    private final Arena arena;
    private final CacheSizes caches = CacheTopology.sizes();

    HostMemory(Arena arena) {
        this.arena = arena;
    }

    @Override
    public MemorySegment allocate(long bytes, long alignment) {
        // Arena memory is zeroed, so every page is touched before any timing starts.
        return arena.allocate(bytes, alignment);
    }

    @Override
    public void copy(MemorySegment source, MemorySegment destination, long bytes) {
        if (bytes > source.byteSize() || bytes > destination.byteSize()) {
            throw new IndexOutOfBoundsException("copy of " + bytes + " bytes overruns its buffers");
        }
        try {
            MemorySegment unused = (MemorySegment) Libc.MEMCPY.invokeExact(destination, source, bytes);
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public CacheSizes caches() {
        return caches;
    }
}
