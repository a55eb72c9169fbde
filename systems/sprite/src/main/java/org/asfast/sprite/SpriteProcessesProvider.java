package org.asfast.sprite;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** Sprite's processes and migration on three machines (the home workstation, an idle host, the file server), simulated and live. */
public final class SpriteProcessesProvider implements PlatformProvider {
    public static final String SIMULATED = "sun3-60-sprite-processes-sim";
    public static final String LIVE = "sprite-processes-live";

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
        return name.equals(LIVE) ? SpriteProcesses.live(LIVE, "") : SpriteProcesses.simulated(SIMULATED, SpriteSimulated.parameters(), Faults.NONE);
    }
}
