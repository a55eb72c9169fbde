package org.asfast.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.asfast.spi.CacheSizes;

/**
 * This machine's caches, as Linux describes them under /sys/devices/system/cpu/cpu0/cache, or, where the kernel lists
 * none there (some virtual machines), as the processor reports them to the C library (glibc's sysconf reads CPUID).
 */
public final class CacheTopology {
    private static final Path CPU0_CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");
    /** glibc's _SC_LEVEL1_DCACHE_SIZE, _SC_LEVEL2_CACHE_SIZE, _SC_LEVEL3_CACHE_SIZE and _SC_LEVEL4_CACHE_SIZE (bits/confname.h). */
    private static final int[] SYSCONF_DATA_CACHES = {188, 191, 194, 197};

    /**
     * One cache: its level, type (Data, Instruction, Unified), size in bytes, the CPUs sharing it ("unknown" when the
     * processor, not the kernel, told its size), whether it belongs to one core (shared at most by that core's hardware
     * threads), and where that was read ("sysfs" or "cpuid").
     */
    public record Cache(int level, String type, long bytes, String sharedWith, boolean perCore, String source) {
        boolean holdsData() {
            return !type.equals("Instruction");
        }
    }

    private CacheTopology() {
    }

    /** Every cache of CPU 0 (from sysfs), or its data caches (from CPUID); an error that says so when neither tells. */
    public static List<Cache> read() {
        String sysfsFailure = "lists none";
        try {
            List<Cache> caches = fromSysfs();
            if (caches.stream().anyMatch(Cache::holdsData)) {
                return caches;
            }
        } catch (IOException | RuntimeException e) {
            sysfsFailure = "cannot be read (" + e.getMessage() + ")";
        }
        List<Cache> caches = fromCpuid(CacheTopology::sysconf);
        if (caches.isEmpty()) {
            throw new IllegalStateException("cannot learn this computer's cache sizes: " + CPU0_CACHES + " " + sysfsFailure
                    + " and the C library's sysconf reports none; the memory and file workloads size their buffers from them");
        }
        return caches;
    }

    /** CPU 0's caches as sysfs lists them; none if the folder is missing (some virtual machines). */
    private static List<Cache> fromSysfs() throws IOException {
        List<Cache> caches = new ArrayList<>();
        if (!Files.isDirectory(CPU0_CACHES)) {
            return caches;
        }
        Path topology = CPU0_CACHES.resolveSibling("topology");
        String core = Files.exists(topology.resolve("thread_siblings_list")) ? value(topology, "thread_siblings_list") : "0"; // CPU 0 and its SMT siblings
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(CPU0_CACHES, "index*")) {
            for (Path dir : dirs) {
                String sharedWith = value(dir, "shared_cpu_list");
                caches.add(new Cache(
                        Integer.parseInt(value(dir, "level")),
                        value(dir, "type"),
                        parseSize(value(dir, "size")),
                        sharedWith,
                        sharedWith.equals(core) || sharedWith.equals("0"),
                        "sysfs"));
            }
        }
        caches.sort(java.util.Comparator.comparingInt(Cache::level).thenComparing(Cache::type));
        return caches;
    }

    /**
     * The data caches {@code sysconf} (glibc's, by its name's number) reports sizes for, level 1 to 4; 0 or -1 means
     * none. CPUID as glibc reports it does not say which are shared: L1 and L2 are taken as per core, as on x86-64 and
     * arm64 processors of the last decade. That matters only to the cached bcopy's block (a quarter of the largest
     * per-core cache), which stays in cache even if an L2 turns out to be shared by two cores.
     */
    static List<Cache> fromCpuid(java.util.function.IntToLongFunction sysconf) {
        List<Cache> caches = new ArrayList<>();
        for (int i = 0; i < SYSCONF_DATA_CACHES.length; i++) {
            long bytes = sysconf.applyAsLong(SYSCONF_DATA_CACHES[i]);
            if (bytes > 0) {
                caches.add(new Cache(i + 1, i == 0 ? "Data" : "Unified", bytes, "unknown", i < 2, "cpuid"));
            }
        }
        return caches;
    }

    private static long sysconf(int name) {
        try {
            return (long) Libc.SYSCONF.invokeExact(name);
        } catch (Throwable e) {
            return -1;
        }
    }

    /** The largest data cache private to one CPU, and the last-level cache. */
    public static CacheSizes sizes() {
        return sizes(read());
    }

    static CacheSizes sizes(List<Cache> caches) {
        List<Cache> data = caches.stream().filter(Cache::holdsData).toList();
        long lastLevel = data.stream().mapToLong(Cache::bytes).max().orElseThrow();
        long largestPrivate = data.stream().filter(Cache::perCore).mapToLong(Cache::bytes).max().orElseThrow(
                () -> new IllegalStateException("no data cache of CPU 0 is its core's alone: " + caches));
        return new CacheSizes(largestPrivate, lastLevel);
    }

    static long parseSize(String text) {
        char unit = text.charAt(text.length() - 1);
        return switch (unit) {
            case 'K' -> Long.parseLong(text.substring(0, text.length() - 1)) << 10;
            case 'M' -> Long.parseLong(text.substring(0, text.length() - 1)) << 20;
            case 'G' -> Long.parseLong(text.substring(0, text.length() - 1)) << 30;
            default -> Long.parseLong(text);
        };
    }

    private static String value(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name)).trim();
    }
}
