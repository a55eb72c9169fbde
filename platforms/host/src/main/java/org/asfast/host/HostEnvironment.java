package org.asfast.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a result depends on about this computer, read from /proc and /sys, for environment.json. */
public final class HostEnvironment {
    private HostEnvironment() {
    }

    /** CPU model, CPU count, caches, kernel, mitigations, memory and JDK, as an ordered map ready for JSON. */
    public static Map<String, Object> describe() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpuModel", cpuModel());
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("caches", CacheTopology.read());
        env.put("kernel", firstLine(Path.of("/proc/sys/kernel/osrelease")));
        env.put("kernelVersion", firstLine(Path.of("/proc/sys/kernel/version")));
        env.put("mitigations", mitigations());
        env.put("memoryTotal", memTotal());
        env.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return env;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    /** Each file in /sys/devices/system/cpu/vulnerabilities and what it says. */
    static Map<String, String> mitigations() {
        Map<String, String> result = new java.util.TreeMap<>();
        Path dir = Path.of("/sys/devices/system/cpu/vulnerabilities");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                result.put(file.getFileName().toString(), firstLine(file));
            }
        } catch (IOException e) {
            result.put("error", "cannot read " + dir + ": " + e.getMessage());
        }
        return result;
    }

    private static String memTotal() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            return lines.stream().filter(l -> l.startsWith("MemTotal")).map(l -> l.substring(9).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("").trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
