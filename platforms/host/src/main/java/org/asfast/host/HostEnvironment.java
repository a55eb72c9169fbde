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

    /** Whether the CPU says it runs under a hypervisor (the "hypervisor" flag of /proc/cpuinfo). */
    static boolean hypervisor() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .anyMatch(l -> l.startsWith("flags") && List.of(l.substring(l.indexOf(':') + 1).trim().split(" ")).contains("hypervisor"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * How an idle CPU waits, which sets what waking it costs: a thread woken on another, idle CPU (Table 3's cross-CPU row)
     * waits for that CPU to leave its idle state. Under a hypervisor a halted virtual CPU is woken by the host, and the
     * haltpoll driver's guest_halt_poll_ns says how long the guest polls before it halts (0: it halts at once). The cpuidle
     * driver and governor, CPU 0's idle states with their exit latencies in µs, and haltpoll's parameters where present.
     */
    static Map<String, Object> cpuIdle(Path sys) {
        Map<String, Object> idle = new LinkedHashMap<>();
        Path cpuidle = sys.resolve("devices/system/cpu/cpuidle");
        idle.put("driver", firstLine(cpuidle.resolve("current_driver")));
        idle.put("governor", firstLine(cpuidle.resolve("current_governor_ro")));
        List<String> states = new java.util.ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sys.resolve("devices/system/cpu/cpu0/cpuidle"), "state*")) {
            for (Path state : dirs) {
                states.add(state.getFileName() + ": " + firstLine(state.resolve("name")) + ", exit latency " + firstLine(state.resolve("latency")) + " µs");
            }
        } catch (IOException e) {
            states.add("none (" + e.getMessage() + ")");
        }
        states.sort(null);
        idle.put("states", states);
        Path haltpoll = sys.resolve("module/haltpoll/parameters");
        if (Files.isDirectory(haltpoll)) {
            Map<String, String> parameters = new java.util.TreeMap<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(haltpoll)) {
                for (Path file : files) {
                    parameters.put(file.getFileName().toString(), firstLine(file));
                }
            } catch (IOException e) {
                parameters.put("error", "cannot read " + haltpoll + ": " + e.getMessage());
            }
            idle.put("haltpoll", parameters);
        }
        return idle;
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
