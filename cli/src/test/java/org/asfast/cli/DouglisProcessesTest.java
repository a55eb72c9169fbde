package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.asfast.amoeba.AmoebaProcesses;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.nodes.Faults;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Platform;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.sprite.SpriteProcesses;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.workloads.douglis.GetTimeOfDay;
import org.asfast.workloads.douglis.ProgramInvocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Douglis et al.'s findings on processes (§3.4), from the workloads on the simulated Amoeba and Sprite. */
class DouglisProcessesTest {

    private static double millis(Platform p, Consumer<Platform> operation) {
        operation.accept(p);
        long start = p.clock().nanos();
        for (int i = 0; i < 3; i++) {
            operation.accept(p);
        }
        return (p.clock().nanos() - start) / 3e6;
    }

    private static double invocation(Platform p, Site site) {
        try (p) {
            ProgramInvocation w = new ProgramInvocation(p, site);
            return millis(p, x -> w.invoke());
        }
    }

    @ParameterizedTest
    @EnumSource(Site.class)
    void amoebasProgramInvocationIsFasterLocallyAndRemotely(Site site) {
        double amoeba = invocation(AmoebaProcesses.simulated("a", AmoebaSimulated.parameters(), Faults.NONE), site);
        double sprite = invocation(SpriteProcesses.simulated("s", SpriteSimulated.parameters(), Faults.NONE), site);
        assertTrue(amoeba < sprite, site + ": Amoeba " + amoeba + " ms, Sprite " + sprite + " ms");
    }

    @Test
    void aMigratedProcesssGettimeofdayCostsAboutTenTimesTheLocalOne() {
        try (Platform p = SpriteProcesses.simulated("s", SpriteSimulated.parameters(), Faults.NONE)) {
            GetTimeOfDay local = new GetTimeOfDay(p, false);
            GetTimeOfDay migrated = new GetTimeOfDay(p, true);
            double ratio = millis(p, x -> migrated.call()) / millis(p, x -> local.call());
            assertTrue(ratio > 5 && ratio < 20, "forwarded home: " + ratio + " times the local call");
        }
    }

    @Test
    void amoebaHasNoHomeMachineToForwardTo() {
        try (Platform p = AmoebaProcesses.simulated("a", AmoebaSimulated.parameters(), Faults.NONE)) {
            assertThrows(CapabilityMissing.class, () -> new GetTimeOfDay(p, true));
        }
    }
}
