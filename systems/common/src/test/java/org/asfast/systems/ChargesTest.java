package org.asfast.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.asfast.nodes.Work;
import org.asfast.sim.cluster.Hardware;
import org.junit.jupiter.api.Test;

/** What the charges cost on a simulated machine whose kernel runs slower than its rating (a RISC machine's). */
class ChargesTest {
    private static final double MIPS = 20;
    private static final double KERNEL_CPI = 1.216;
    private static final double MEMORY_MBS = 10;

    private static OneSimulatedMachine risc() {
        return new OneSimulatedMachine(new Hardware("RISC", MIPS, KERNEL_CPI, MEMORY_MBS),
                Map.of("mips", MIPS, "kernel_cpi", KERNEL_CPI, "memory_mbs", MEMORY_MBS));
    }

    @Test
    void aCopyTakesItsBytesAtTheMemoryRateWhateverKindOfWorkItIs() {
        double bytes = 64 * 1024;
        double nanos = bytes / (MEMORY_MBS * (1 << 20)) * 1e9;
        for (Work kind : Work.values()) {
            OneSimulatedMachine machine = risc();
            machine.run(node -> Charges.copy(node, kind, bytes));
            assertEquals(nanos, machine.busyNanos(kind), nanos * 1e-9, "a 64 KB copy charged as " + kind + " at " + MEMORY_MBS + " MB/s");
        }
    }

    @Test
    void userInstructionsRunAtTheMachinesRating() {
        double instructions = 1e6;
        OneSimulatedMachine machine = risc();
        machine.run(node -> Charges.user(node, instructions));
        assertEquals(instructions / MIPS * 1000, machine.busyNanos(Work.PROCEDURE), 1e-3, "a million user instructions at " + MIPS + " MIPS");
    }
}
