package org.asfast.spi;

import java.lang.foreign.MemorySegment;

/** Memory the platform owns, its cache sizes, and its library's block copy (Ousterhout §7). */
public interface Memory extends Capability {

    /** Allocates {@code bytes} aligned to {@code alignment}; freed when the platform closes. */
    MemorySegment allocate(long bytes, long alignment);

    /** Copies {@code bytes} from the start of {@code source} to the start of {@code destination}, as bcopy does. */
    void copy(MemorySegment source, MemorySegment destination, long bytes);

    /** The sizes of this machine's caches. */
    CacheSizes caches();
}
