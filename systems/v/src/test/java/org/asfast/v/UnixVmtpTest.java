package org.asfast.v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asfast.model.Machines;
import org.asfast.model.ModelParameters;
import org.asfast.model.Parameter;
import org.asfast.nodes.Faults;
import org.asfast.spi.Ipc;
import org.junit.jupiter.api.Test;

/** VMTP in a UNIX kernel: V's protocol code with the Ousterhout model's 4.3 BSD costs for calls, switches and packets. */
class UnixVmtpTest {
    @Test
    void unixCostsComeFromTheModelAndTheRestIsVs() {
        VParameters v = VParameters.on("MVAX2", List.of());
        VParameters unix = VParameters.onUnix("MVAX2", List.of());
        double trap = Machines.hardware("MVAX2").trapInstructions().number();
        assertEquals(trap + v.number("kernel_operation_instructions"), unix.number("kernel_operation_instructions"), 1e-9);
        assertEquals(ModelParameters.bundled().find("os:BSD", "switch_instructions").number(), unix.number("process_switch_instructions"), 1e-9);
        assertEquals(Machines.hardware("MVAX2").packetInstructions().number(), unix.number("packet_instructions"), 1e-9);
        for (String name : List.of("kernel_operation_instructions", "process_switch_instructions", "packet_instructions")) {
            assertTrue(unix.rows().get(name).source().startsWith("model: "), name + ": " + unix.rows().get(name).source());
        }
        assertEquals(v.number("vmtp_transaction_instructions"), unix.number("vmtp_transaction_instructions"), 1e-9);
    }

    @Test
    void aChangeToVsKernelOperationReachesUnixsSystemCall() {
        Parameter doubled = new Parameter("V", "kernel_operation_instructions", "500", "instructions", "test");
        double trap = Machines.hardware("MVAX2").trapInstructions().number();
        assertEquals(trap + 500, VParameters.onUnix("MVAX2", List.of(doubled)).number("kernel_operation_instructions"), 1e-9);
    }

    @Test
    void vmtpUnderUnixIsSlowerThanVsOwnOnTheSameMachine() {
        // Cheriton's point: V's kernel is structured for its IPC; the same protocol in UNIX pays UNIX's calls and switches.
        for (int bytes : new int[] {0, 16384}) {
            double v = VCells.transaction(new VPlatform("v", VParameters.on("MVAX2", List.of()), Faults.NONE), Ipc.Where.REMOTE, bytes);
            double unix = VCells.transaction(new VPlatform("unix", VParameters.onUnix("MVAX2", List.of()), Faults.NONE), Ipc.Where.REMOTE, bytes);
            assertTrue(unix > v, bytes + " bytes: UNIX " + unix + " ms, V " + v + " ms");
        }
    }
}
