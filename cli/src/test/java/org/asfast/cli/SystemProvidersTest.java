package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.asfast.amoeba.AmoebaProvider;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.Rpc;
import org.asfast.spi.UserError;
import org.asfast.sprite.SpriteProvider;
import org.asfast.systems.SimulatedPair;
import org.asfast.systems.SystemProvider;
import org.asfast.xfs.XfsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The distributed systems' providers: the settings' fault setting reaches their simulated and live platforms alike. */
class SystemProvidersTest {

    private static PlatformSettings faults(String setting) {
        return new PlatformSettings(PlatformSettings.defaults().target(), setting);
    }

    @Test
    void everySystemPlatformRefusesAMalformedFaultSettingInOneLineAndStartsNoProcess() {
        List<SystemProvider> providers = ServiceLoader.load(PlatformProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(SystemProvider.class::isInstance).map(SystemProvider.class::cast).toList();
        assertTrue(providers.size() >= 6, "Amoeba's, Sprite's, V's, rmem's and xFS's providers, and the processes': " + providers);
        assertTrue(providers.stream().anyMatch(XfsProvider.class::isInstance), "xFS's provider reads the fault setting too: " + providers);
        for (SystemProvider provider : providers) {
            for (String name : provider.names()) { // simulated and live
                UserError e = assertThrows(UserError.class, () -> provider.open(name, faults("drop=lots")), name);
                assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("drop=lots"), name + ": " + e.getMessage());
            }
        }
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "no node process is left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amoeba", "sprite"})
    void aGoodFaultSettingReachesTheSimulatedNetwork(String system) {
        SystemProvider provider = system.equals("amoeba") ? new AmoebaProvider() : new SpriteProvider();
        String simulated = system.equals("amoeba") ? AmoebaProvider.SIMULATED : SpriteProvider.SIMULATED;
        try (Platform p = provider.open(simulated, faults("drop=0.1,dup=0.05,seed=5"))) {
            Rpc.Client client = p.require(Rpc.class).connect(Rpc.Level.KERNEL);
            for (int i = 0; i < 50; i++) {
                client.call(0, 0);
            }
            SimulatedPair<?> pair = (SimulatedPair<?>) p;
            assertEquals(50, pair.serverExecutions(), "each call ran once");
            assertTrue(client.retransmissions() > 0 && pair.faultsSoFar()[0] > 0 && pair.faultsSoFar()[1] > 0, "the faults reached the platform");
        }
    }

    @Test
    void aForkedBenchmarkReadsTheFaultSettingFromItsSystemProperty() {
        String before = System.getProperty(PlatformSettings.FAULTS);
        try {
            System.setProperty(PlatformSettings.FAULTS, "drop=0.1,seed=3");
            assertEquals("drop=0.1,seed=3", PlatformSettings.fromSystemProperties().faults());
        } finally {
            if (before == null) {
                System.clearProperty(PlatformSettings.FAULTS);
            } else {
                System.setProperty(PlatformSettings.FAULTS, before);
            }
        }
        assertEquals("", PlatformSettings.defaults().faults());
    }
}
