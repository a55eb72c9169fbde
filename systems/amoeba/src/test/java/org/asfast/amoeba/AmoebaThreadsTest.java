package org.asfast.amoeba;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.asfast.nodes.Faults;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;

/** Amoeba's thread creation, simulated: the kernel stack the kernel zeroes is on its path, at the memory's speed. */
class AmoebaThreadsTest {

    private static double createMillis(SystemParameters parameters) {
        try (AmoebaSimulated a = new AmoebaSimulated("t", parameters, Faults.NONE)) {
            a.createAndJoin();
            long start = a.clock().nanos();
            a.createAndJoin();
            return (a.clock().nanos() - start) / 1e6;
        }
    }

    @Test
    void theKernelStacksClickIsZeroedThroughMemory() {
        SystemParameters shipped = AmoebaSimulated.parameters();
        assertEquals(8, shipped.number("thread_stack_kb"), "one 8 KB click holds the 4 KB kernel stack");
        double oneMoreKb = createMillis(shipped.with("thread_stack_kb", shipped.number("thread_stack_kb") + 1)) - createMillis(shipped);
        double expected = 1024 / (shipped.number("memory_mbs") * (1 << 20)) * 1e3; // 1 KB at the memory's speed, in ms
        assertEquals(expected, oneMoreKb, 1e-6);
    }
}
