package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The report's "Idle CPUs" line from environment.json's host.cpuIdle. */
class CpuIdleTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String text(String host) throws Exception {
        JsonNode node = JSON.readTree(host);
        return ReportGenerator.cpuIdle(node);
    }

    @Test
    void onlyAGuestThatHaltsAtOnceIsSaidToWaitForTheHost() throws Exception {
        String guest = text("""
                {"hypervisor": true, "cpuIdle": {"driver": "haltpoll", "governor": "haltpoll", "haltpoll": {"guest_halt_poll_ns": "0"}}}""");
        assertTrue(guest.startsWith("cpuidle driver haltpoll (governor haltpoll), under a hypervisor; an idle CPU halts at once"), guest);
        assertTrue(guest.contains("waits for the host"), guest);

        String unknownHost = text("""
                {"hypervisor": null, "cpuIdle": {"driver": "haltpoll", "governor": "haltpoll", "haltpoll": {"guest_halt_poll_ns": "0"}}}""");
        assertFalse(unknownHost.contains("hypervisor") || unknownHost.contains("host"), "no hypervisor known, none claimed: " + unknownHost);
    }

    @Test
    void aPollingGuestAndABareMachineAreDescribedAsTheyAre() throws Exception {
        assertTrue(text("""
                {"hypervisor": true, "cpuIdle": {"driver": "haltpoll", "governor": "haltpoll", "haltpoll": {"guest_halt_poll_ns": "200000"}}}""")
                .endsWith("an idle CPU polls up to 200000 ns before it halts (guest_halt_poll_ns)."));
        assertEquals("cpuidle driver intel_idle (governor menu).", text("""
                {"hypervisor": false, "cpuIdle": {"driver": "intel_idle", "governor": "menu", "states": ["state0: POLL, exit latency 0 µs"]}}"""));
    }

    @Test
    void anOlderRunOrAKernelWithoutCpuidleGivesNoLine() throws Exception {
        assertEquals("", text("{\"cpus\": 2}"), "a run from before the entry");
        assertEquals("", text("""
                {"cpuIdle": {"driver": "unknown (/sys/devices/system/cpu/cpuidle/current_driver)", "governor": "unknown (x)", "states": []}}"""));
    }
}
