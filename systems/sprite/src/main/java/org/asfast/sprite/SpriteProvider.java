package org.asfast.sprite;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** Sprite on two simulated Sun 3/60s on one Ethernet, and live on this computer. */
public final class SpriteProvider implements PlatformProvider {
    public static final String SIMULATED = "sun3-60-sprite-sim";
    public static final String LIVE = "sprite-live";

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
        return name.equals(LIVE) ? new SpriteLive(LIVE, "") : new SpriteSimulated(SIMULATED, SpriteSimulated.parameters(), Faults.NONE);
    }
}
