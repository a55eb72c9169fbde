package org.asfast.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.asfast.spi.CacheSizes;

/** This machine's data caches, as Linux describes them under /sys/devices/system/cpu/cpu0/cache. */
public final class CacheTopology {
    private static final Path CPU0_CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");

    /** One cache: its level, type (Data, Instruction, Unified), size in bytes, and the CPUs sharing it. */
    public record Cache(int level, String type, long bytes, String sharedWith) {
        boolean holdsData() {
            return !type.equals("Instruction");
        }

        boolean isPrivate() {
            return !sharedWith.contains(",") && !sharedWith.contains("-");
        }
    }

    private CacheTopology() {
    }

    /** Every cache of CPU 0. */
    public static List<Cache> read() {
        List<Cache> caches = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(CPU0_CACHES, "index*")) {
            for (Path dir : dirs) {
                caches.add(new Cache(
                        Integer.parseInt(value(dir, "level")),
                        value(dir, "type"),
                        parseSize(value(dir, "size")),
                        value(dir, "shared_cpu_list")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cache sizes from " + CPU0_CACHES, e);
        }
        caches.sort(java.util.Comparator.comparingInt(Cache::level).thenComparing(Cache::type));
        return caches;
    }

    /** The largest data cache private to one CPU, and the last-level cache. */
    public static CacheSizes sizes() {
        List<Cache> data = read().stream().filter(Cache::holdsData).toList();
        long largestPrivate = data.stream().filter(Cache::isPrivate).mapToLong(Cache::bytes).max().orElseThrow();
        long lastLevel = data.stream().mapToLong(Cache::bytes).max().orElseThrow();
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
