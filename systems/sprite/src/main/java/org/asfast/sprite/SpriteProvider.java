package org.asfast.sprite;

import org.asfast.systems.SystemProvider;

/**
 * Sprite on simulated Sun 3/60s on one Ethernet, and live on this computer: its RPCs and pseudo-devices (Douglis et
 * al. Table 1), and its file system with client caching on (CACHE) and off (NOCACHE) (Table 2).
 */
public final class SpriteProvider extends SystemProvider {
    public static final String SIMULATED = "sun3-60-sprite-sim";
    public static final String LIVE = "sprite-live";
    public static final String CACHE_SIMULATED = "sun3-60-sprite-cache-sim";
    public static final String NOCACHE_SIMULATED = "sun3-60-sprite-nocache-sim";
    public static final String CACHE_LIVE = "sprite-cache-live";
    public static final String NOCACHE_LIVE = "sprite-nocache-live";

    public SpriteProvider() {
        simulated(SIMULATED, (faults, settings) -> new SpriteSimulated(SIMULATED, SpriteSimulated.parameters(), faults));
        live(LIVE, (faults, settings) -> new SpriteLive(LIVE, faults));
        simulated(CACHE_SIMULATED, (faults, settings) -> new SpriteFsSimulated(CACHE_SIMULATED, SpriteSimulated.parameters(), faults, true));
        simulated(NOCACHE_SIMULATED, (faults, settings) -> new SpriteFsSimulated(NOCACHE_SIMULATED, SpriteSimulated.parameters(), faults, false));
        live(CACHE_LIVE, (faults, settings) -> new SpriteFsLive(CACHE_LIVE, SpriteSimulated.parameters(), faults, true, settings.target()));
        live(NOCACHE_LIVE, (faults, settings) -> new SpriteFsLive(NOCACHE_LIVE, SpriteSimulated.parameters(), faults, false, settings.target()));
    }
}
