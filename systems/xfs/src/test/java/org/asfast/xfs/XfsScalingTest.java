package org.asfast.xfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;

/** xFS against a central server as the clients grow from 10 to 1000. */
class XfsScalingTest {

    @Test
    void xfsCostPerOperationStaysRoughlyFlatWhileTheCentralServerSaturates() {
        SystemParameters p = XfsSimulated.parameters();
        ScaleRun xfs10 = ScaleRun.run("xfs", 10, p);
        ScaleRun xfs1000 = ScaleRun.run("xfs", 1000, p);
        ScaleRun central10 = ScaleRun.run("central", 10, p);
        ScaleRun central1000 = ScaleRun.run("central", 1000, p);
        for (ScaleRun r : new ScaleRun[] {xfs10, xfs1000, central10, central1000}) {
            System.out.println(r);
            assertTrue(r.operations() == r.clients() * (long) p.number("scale_operations"), "every client made its operations");
        }
        assertTrue(xfs1000.meanMicros() < 1.5 * xfs10.meanMicros(), "xFS per operation: " + xfs10.meanMicros() + " us with 10 clients, " + xfs1000.meanMicros() + " with 1000");
        assertTrue(Math.max(xfs1000.serverCpu(), xfs1000.serverLink()) < 0.5, "xFS's busiest manager is far from saturated: " + xfs1000);
        assertTrue(Math.max(central1000.serverCpu(), central1000.serverLink()) > 0.9, "the central server is saturated: " + central1000);
        assertTrue(central1000.meanMicros() > 5 * central10.meanMicros(), "central per operation: " + central10.meanMicros() + " us with 10 clients, " + central1000.meanMicros() + " with 1000");
    }

    /**
     * The control: the flat cost comes from spreading the metadata over managers (one per 10 clients), not from xFS as
     * such. With one manager for all 1000 clients, that manager's link is the central server's and the cost per
     * operation grows with it.
     */
    @Test
    void withOneManagerForAThousandClientsXfsSaturatesThatManager() {
        SystemParameters p = XfsSimulated.parameters();
        ScaleRun spread = ScaleRun.run("xfs", 1000, p);
        ScaleRun oneManager = ScaleRun.run("xfs", 1000, p.with("scale_clients_per_manager", 1000));
        System.out.println(oneManager);
        assertTrue(oneManager.operations() == 1000 * (long) p.number("scale_operations"), "every client made its operations");
        assertTrue(oneManager.meanMicros() > 3 * spread.meanMicros(), "one manager: " + oneManager.meanMicros() + " us per operation, one per 10 clients: " + spread.meanMicros());
        assertTrue(Math.max(oneManager.serverCpu(), oneManager.serverLink()) > 0.5, "the one manager is loaded: " + oneManager);
    }
}
