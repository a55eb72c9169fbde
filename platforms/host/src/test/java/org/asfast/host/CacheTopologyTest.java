package org.asfast.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.asfast.spi.CacheSizes;
import org.junit.jupiter.api.Test;

class CacheTopologyTest {
    /** What glibc's sysconf answered on a 2-vCPU AMD EPYC virtual machine whose kernel lists no caches in sysfs. */
    private static final Map<Integer, Long> EPYC_VM = Map.of(188, 49152L, 191, 1L << 20, 194, 532676608L, 197, -1L);

    @Test
    void withoutSysfsTheProcessorsReportGivesTheDataCachesAndL1AndL2CountAsPerCore() {
        List<CacheTopology.Cache> caches = CacheTopology.fromCpuid(name -> EPYC_VM.getOrDefault(name, -1L));
        assertEquals(List.of(1, 2, 3), caches.stream().map(CacheTopology.Cache::level).toList(), "no L4: sysconf said -1");
        assertTrue(caches.stream().allMatch(c -> c.source().equals("cpuid") && c.sharedWith().equals("unknown")));
        assertFalse(caches.get(2).perCore());
        assertEquals(new CacheSizes(1L << 20, 532676608L), CacheTopology.sizes(caches));
    }

    @Test
    void aProcessorThatReportsNoCachesGivesNone() {
        assertTrue(CacheTopology.fromCpuid(name -> 0L).isEmpty());
    }

    @Test
    void thisComputersCachesAreReadOneWayOrTheOther() {
        List<CacheTopology.Cache> caches = CacheTopology.read();
        CacheSizes sizes = CacheTopology.sizes(caches);
        assertTrue(sizes.lastLevel() >= sizes.largestPrivate() && sizes.largestPrivate() >= 4096, sizes.toString());
        assertEquals(1, caches.stream().map(CacheTopology.Cache::source).distinct().count(), caches.toString());
    }
}
