package org.asfast.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a result depends on about this computer, read from /proc and /sys, for environment.json. */
public final class HostEnvironment {
    private HostEnvironment() {
    }

    /** CPU model, CPU count, caches, kernel, mitigations, how an idle CPU waits, memory and JDK, as an ordered map ready for JSON. */
    public static Map<String, Object> describe() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpuModel", cpuModel());
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("caches", CacheTopology.read());
        env.put("kernel", firstLine(Path.of("/proc/sys/kernel/osrelease")));
        env.put("kernelVersion", firstLine(Path.of("/proc/sys/kernel/version")));
        env.put("mitigations", mitigations());
        env.put("hypervisor", hypervisor());
        env.put("cpuIdle", cpuIdle(Path.of("/sys")));
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
        return firstLines(Path.of("/sys/devices/system/cpu/vulnerabilities"));
    }

    /** Each file in {@code dir} by name, with its first line, in name order; an "error" entry if the folder cannot be read. */
    private static Map<String, String> firstLines(Path dir) {
        Map<String, String> result = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                result.put(file.getFileName().toString(), firstLine(file));
            }
        } catch (IOException e) {
            result.put("error", "cannot read " + dir + ": " + e.getMessage());
        }
        return result;
    }

    /**
     * Whether the CPU says it runs under a hypervisor (the "hypervisor" flag of /proc/cpuinfo's x86 flags), or null where
     * the CPU lists no flags there and nothing is known.
     */
    static Boolean hypervisor() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> List.of(l.substring(l.indexOf(':') + 1).trim().split(" ")).contains("hypervisor")).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * How an idle CPU waits, which sets what waking it costs: a thread woken on another, idle CPU (Table 3's cross-CPU row)
     * waits for that CPU to leave its idle state. The cpuidle driver and governor, CPU 0's idle states in order with their
     * exit latencies in µs, and, when the governor is haltpoll (a guest's), its parameters: guest_halt_poll_ns is how long
     * an idle CPU polls before it halts (0: it halts at once, and under a hypervisor the host must run it again to wake it).
     * Where the kernel has no cpuidle, the driver says so ("unknown (...)") and there are no states.
     */
    static Map<String, Object> cpuIdle(Path sys) {
        Map<String, Object> idle = new LinkedHashMap<>();
        Path cpuidle = sys.resolve("devices/system/cpu/cpuidle");
        String governor = firstLine(cpuidle.resolve("current_governor_ro"));
        idle.put("driver", firstLine(cpuidle.resolve("current_driver")));
        idle.put("governor", governor);
        List<Path> stateDirs = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sys.resolve("devices/system/cpu/cpu0/cpuidle"),
                d -> d.getFileName().toString().matches("state\\d+"))) {
            dirs.forEach(stateDirs::add);
        } catch (IOException e) {
            // no cpuidle: no states
        }
        stateDirs.sort(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring("state".length()))));
        idle.put("states", stateDirs.stream()
                .map(d -> d.getFileName() + ": " + firstLine(d.resolve("name")) + ", exit latency " + firstLine(d.resolve("latency")) + " µs").toList());
        Path haltpoll = sys.resolve("module/haltpoll/parameters"); // the haltpoll governor's; built in, it is there under any governor
        if (governor.equals("haltpoll") && Files.isDirectory(haltpoll)) {
            idle.put("haltpoll", firstLines(haltpoll));
        }
        return idle;
    }

    /**
     * Fails with a one-line message when {@code bytes} of memory for {@code what}, besides a gigabyte for the JVMs, are
     * more than /proc/meminfo's MemAvailable; {@code remedy} says how to do without. No check where it cannot be read.
     */
    public static void requireAvailableMemory(long bytes, String what, String remedy) {
        String text = meminfo("MemAvailable");
        if (!text.matches("\\d+ kB")) {
            return; // no check: the workload fails on its own if memory runs out
        }
        long available = Long.parseLong(text.substring(0, text.length() - 3)) << 10;
        if (bytes + (1L << 30) > available) {
            throw new org.asfast.spi.UserError(String.format("%s needs %d MB of memory and this computer has %d MB available, 1024 MB of it kept for the JVMs; %s",
                    what, bytes >> 20, available >> 20, remedy));
        }
    }

    private static String memTotal() {
        return meminfo("MemTotal");
    }

    /** The value of one /proc/meminfo line, e.g. "24563012 kB", or "unknown". */
    private static String meminfo(String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            return lines.stream().filter(l -> l.startsWith(key + ":")).map(l -> l.substring(key.length() + 1).trim()).findFirst().orElse("unknown");
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
