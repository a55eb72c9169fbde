package org.asfast.spi;

/**
 * Cache sizes of the machine a platform runs on, in bytes.
 *
 * @param largestPrivate the largest cache one CPU has to itself (L2 on most current CPUs)
 * @param lastLevel the last-level cache, which may be shared between CPUs
 */
public record CacheSizes(long largestPrivate, long lastLevel) {
    public CacheSizes {
        if (largestPrivate <= 0 || lastLevel < largestPrivate) {
            throw new IllegalArgumentException("implausible cache sizes: private " + largestPrivate + ", last level " + lastLevel);
        }
    }
}
