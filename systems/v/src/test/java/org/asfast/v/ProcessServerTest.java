package org.asfast.v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asfast.model.Parameter;
import org.asfast.nodes.Faults;
import org.junit.jupiter.api.Test;

/** Creating and destroying a V process through the kernel process server, on the simulated MicroVAX II. */
class ProcessServerTest {
    private static VPlatform mvax2(List<Parameter> changes) {
        return new VPlatform("test", VParameters.on("MVAX2", changes), Faults.NONE);
    }

    @Test
    void everyCreatedProcessIsDestroyedAndItsDescriptorFreed() {
        VPlatform p = mvax2(List.of());
        p.createAndDestroyProcess();
        p.createAndDestroyProcess();
        assertEquals(0, p.processDescriptors(), "a descriptor outlived its process");
    }

    @Test
    void theProcessServersWorkIsChargedOnceOnCreateAndOnceOnDestroyAtTheKernelsSpeed() {
        // 900 more instructions on each of the two requests, at 0.9 MIPS and a kernel CPI of 1: 2 ms more.
        VParameters shipped = VParameters.on("MVAX2", List.of());
        double instructions = shipped.number("process_descriptor_instructions");
        Parameter more = new Parameter("V", "process_descriptor_instructions", Double.toString(instructions + 900), "instructions", "test");
        double added = mvax2(List.of(more)).createAndDestroyProcess() - mvax2(List.of()).createAndDestroyProcess();
        double expected = 2 * 900 * shipped.number("kernel_cpi") / shipped.number("mips") / 1000;
        assertEquals(expected, added, 1e-6);
    }

    @Test
    void aLargerDescriptorCostsItsWriteThroughMemory() {
        VParameters shipped = VParameters.on("MVAX2", List.of());
        Parameter bigger = new Parameter("V", "process_descriptor_bytes", Double.toString(shipped.number("process_descriptor_bytes") + 3300 * 1.048576), "bytes", "test");
        double added = mvax2(List.of(bigger)).createAndDestroyProcess() - mvax2(List.of()).createAndDestroyProcess();
        // 3300 * 2^20/10^6 bytes more at 3.3 MB/s (2^20 bytes each): 1 ms more, written once, on create.
        assertEquals(1.0, added, 1e-3);
        assertTrue(added > 0);
    }
}
