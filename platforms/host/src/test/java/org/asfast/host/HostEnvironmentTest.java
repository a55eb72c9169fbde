package org.asfast.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static void cpuidle(Path sys, String driver, String governor) throws IOException {
        write(sys.resolve("devices/system/cpu/cpuidle/current_driver"), driver);
        write(sys.resolve("devices/system/cpu/cpuidle/current_governor_ro"), governor);
    }

    private static void state(Path sys, int number, String name, int latency) throws IOException {
        write(sys.resolve("devices/system/cpu/cpu0/cpuidle/state" + number + "/name"), name);
        write(sys.resolve("devices/system/cpu/cpu0/cpuidle/state" + number + "/latency"), String.valueOf(latency));
    }

    @Test
    void cpuIdleNamesTheDriverTheStatesInNumericOrderAndHaltpollsParameters(@TempDir Path sys) throws IOException {
        cpuidle(sys, "haltpoll", "haltpoll");
        state(sys, 10, "C10", 890);
        state(sys, 2, "C1E", 10);
        state(sys, 0, "POLL", 0);
        state(sys, 1, "haltpoll idle", 1);
        write(sys.resolve("module/haltpoll/parameters/guest_halt_poll_ns"), "0");
        write(sys.resolve("module/haltpoll/parameters/guest_halt_poll_grow"), "2");

        Map<String, Object> idle = HostEnvironment.cpuIdle(sys);

        assertEquals("haltpoll", idle.get("driver"));
        assertEquals("haltpoll", idle.get("governor"));
        assertEquals(List.of("state0: POLL, exit latency 0 µs", "state1: haltpoll idle, exit latency 1 µs", "state2: C1E, exit latency 10 µs",
                "state10: C10, exit latency 890 µs"), idle.get("states"));
        assertEquals(Map.of("guest_halt_poll_grow", "2", "guest_halt_poll_ns", "0"), idle.get("haltpoll"));
    }

    @Test
    void haltpollsParametersCountOnlyUnderItsGovernor(@TempDir Path sys) throws IOException {
        cpuidle(sys, "intel_idle", "menu");
        state(sys, 0, "POLL", 0);
        write(sys.resolve("module/haltpoll/parameters/guest_halt_poll_ns"), "200000"); // a built-in governor not in use

        assertFalse(HostEnvironment.cpuIdle(sys).containsKey("haltpoll"));
    }

    @Test
    void withoutCpuidleTheEntrySaysWhyAndHasNoStates(@TempDir Path sys) {
        Map<String, Object> idle = HostEnvironment.cpuIdle(sys);

        assertTrue(((String) idle.get("driver")).startsWith("unknown ("), "the missing file is named: " + idle.get("driver"));
        assertEquals(List.of(), idle.get("states"));
        assertFalse(idle.containsKey("haltpoll"));
    }

    @Test
    void moreMemoryThanTheComputerHasIsAOneLineUserErrorAndLittleIsFine() {
        HostEnvironment.requireAvailableMemory(1 << 20, "a small thing", "never said");
        org.asfast.spi.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class,
                () -> HostEnvironment.requireAvailableMemory(1L << 50, "a huge copy", "leave it out"));
        assertTrue(e.getMessage().startsWith("a huge copy needs 1073741824 MB of memory and this computer has ") && e.getMessage().endsWith("; leave it out")
                && !e.getMessage().contains("\n"), e.getMessage());
    }
}
