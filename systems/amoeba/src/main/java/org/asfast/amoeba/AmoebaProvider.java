package org.asfast.amoeba;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** Amoeba on two simulated Sun 3/60s on one Ethernet, and live on this computer. */
public final class AmoebaProvider implements PlatformProvider {
    public static final String SIMULATED = "sun3-60-amoeba-sim";
    public static final String LIVE = "amoeba-live";

    /** The simulated Sun 3/60s run in virtual time; the live kernels are timed on this computer's clock. */
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
        return name.equals(LIVE) ? new AmoebaLive(LIVE, "") : new AmoebaSimulated(SIMULATED, AmoebaSimulated.parameters(), Faults.NONE);
    }
}
