package org.asfast.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostEnvironmentTest {

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n");
    }

    @Test
    void cpuIdleNamesTheDriverTheStatesInOrderAndHaltpollsParameters(@TempDir Path sys) throws IOException {
        write(sys.resolve("devices/system/cpu/cpuidle/current_driver"), "haltpoll");
        write(sys.resolve("devices/system/cpu/cpuidle/current_governor_ro"), "haltpoll");
        write(sys.resolve("devices/system/cpu/cpu0/cpuidle/state1/name"), "haltpoll idle");
        write(sys.resolve("devices/system/cpu/cpu0/cpuidle/state1/latency"), "1");
        write(sys.resolve("devices/system/cpu/cpu0/cpuidle/state0/name"), "POLL");
        write(sys.resolve("devices/system/cpu/cpu0/cpuidle/state0/latency"), "0");
        write(sys.resolve("module/haltpoll/parameters/guest_halt_poll_ns"), "0");
        write(sys.resolve("module/haltpoll/parameters/guest_halt_poll_grow"), "2");

        Map<String, Object> idle = HostEnvironment.cpuIdle(sys);

        assertEquals("haltpoll", idle.get("driver"));
        assertEquals("haltpoll", idle.get("governor"));
        assertEquals(List.of("state0: POLL, exit latency 0 µs", "state1: haltpoll idle, exit latency 1 µs"), idle.get("states"));
        assertEquals(Map.of("guest_halt_poll_grow", "2", "guest_halt_poll_ns", "0"), idle.get("haltpoll"));
    }

    @Test
    void withoutCpuidleTheEntrySaysWhyAndHasNoHaltpoll(@TempDir Path sys) {
        Map<String, Object> idle = HostEnvironment.cpuIdle(sys);

        assertEquals(true, ((String) idle.get("driver")).startsWith("unknown ("), "the missing file is named: " + idle.get("driver"));
        assertEquals(1, ((List<?>) idle.get("states")).size());
        assertEquals(true, ((String) ((List<?>) idle.get("states")).getFirst()).startsWith("none ("));
        assertFalse(idle.containsKey("haltpoll"));
    }
}
