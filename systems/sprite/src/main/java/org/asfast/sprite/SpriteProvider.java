package org.asfast.sprite;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/**
 * Sprite on simulated Sun 3/60s on one Ethernet, and live on this computer: its RPCs and pseudo-devices (Douglis et
 * al. Table 1), and its file system with client caching on (CACHE) and off (NOCACHE) (Table 2).
 */
public final class SpriteProvider implements PlatformProvider {
    public static final String SIMULATED = "sun3-60-sprite-sim";
    public static final String LIVE = "sprite-live";
    public static final String CACHE_SIMULATED = "sun3-60-sprite-cache-sim";
    public static final String NOCACHE_SIMULATED = "sun3-60-sprite-nocache-sim";
    public static final String CACHE_LIVE = "sprite-cache-live";
    public static final String NOCACHE_LIVE = "sprite-nocache-live";

    /** The simulated Sun 3/60s run in virtual time; the live kernels are timed on this computer's clock. */
    @Override
    public PlatformKind kind(String name) {
        return name.endsWith("-live") ? PlatformKind.LIVE : PlatformKind.SIMULATED;
    }

    @Override
    public List<String> names() {
        return List.of(SIMULATED, LIVE, CACHE_SIMULATED, NOCACHE_SIMULATED, CACHE_LIVE, NOCACHE_LIVE);
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        return switch (name) {
            case LIVE -> new SpriteLive(LIVE, "");
            case CACHE_SIMULATED, NOCACHE_SIMULATED -> new SpriteFsSimulated(name, SpriteSimulated.parameters(), Faults.NONE, name.equals(CACHE_SIMULATED));
            case CACHE_LIVE, NOCACHE_LIVE -> new SpriteFsLive(name, SpriteSimulated.parameters(), "", name.equals(CACHE_LIVE), settings.target());
            default -> new SpriteSimulated(SIMULATED, SpriteSimulated.parameters(), Faults.NONE);
        };
    }
}
