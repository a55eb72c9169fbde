package org.asfast.amoeba;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** Amoeba's processes on its three machines (the benchmark's processor, a pool processor, the servers), simulated and live. */
public final class AmoebaProcessesProvider implements PlatformProvider {
    public static final String SIMULATED = "sun3-60-amoeba-processes-sim";
    public static final String LIVE = "amoeba-processes-live";

    @Override
    public PlatformKind kind(String name) {
        return name.equals(LIVE) ? PlatformKind.LIVE : PlatformKind.SIMULATED;
    }

    @Override
    public List<String> names() {
        return List.of(SIMULATED, LIVE);
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        return name.equals(LIVE) ? AmoebaProcesses.live(LIVE, "") : AmoebaProcesses.simulated(SIMULATED, AmoebaSimulated.parameters(), Faults.NONE);
    }
}
