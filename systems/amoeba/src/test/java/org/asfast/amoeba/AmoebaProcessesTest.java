package org.asfast.amoeba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.nodes.Faults;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;

/** Amoeba's program invocation and fork, simulated: where the time goes, and a pool processor that crashes. */
class AmoebaProcessesTest {

    private static double millis(AmoebaProcesses p, Runnable operation) {
        operation.run(); // warms nothing up, but keeps the same shape as the cells' runs
        long start = p.clock().nanos();
        operation.run();
        return (p.clock().nanos() - start) / 1e6;
    }

    @Test
    void remoteInvocationCostsMoreThanLocalByTheStackCrossingTheNetwork() {
        try (AmoebaProcesses p = AmoebaProcesses.simulated("t", AmoebaSimulated.parameters(), Faults.NONE)) {
            double local = millis(p, () -> p.invoke(Site.LOCAL));
            double specified = millis(p, () -> p.invoke(Site.REMOTE_SPECIFIED));
            double unspecified = millis(p, () -> p.invoke(Site.REMOTE_UNSPECIFIED));
            double fork = millis(p, p::forkAndWait);
            System.out.printf("amoeba local %.2f specified %.2f unspecified %.2f fork %.2f%n", local, specified, unspecified, fork);
            assertTrue(local < specified && specified < unspecified, local + " " + specified + " " + unspecified);
        }
    }

    @Test
    void aPoolProcessorThatCrashedIsAOneLineErrorAfterTheTimeout() {
        try (AmoebaProcesses p = AmoebaProcesses.simulated("t", AmoebaSimulated.parameters(), Faults.NONE)) {
            p.invoke(Site.LOCAL);
            p.crashPoolProcessor();
            long start = p.clock().nanos();
            UserError e = assertThrows(UserError.class, () -> p.invoke(Site.REMOTE_SPECIFIED));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains("no reply"), e.getMessage());
            double waited = (p.clock().nanos() - start) / 1e6;
            assertTrue(waited >= 8 * 100 && waited < 2000, waited + " ms");
            p.invoke(Site.LOCAL); // the caller's own processor still runs programs
        }
    }
}
