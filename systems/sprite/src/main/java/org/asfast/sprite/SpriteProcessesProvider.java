package org.asfast.sprite;

import org.asfast.systems.SystemProvider;

/** Sprite's processes and migration on three machines (the home workstation, an idle host, the file server), simulated and live. */
public final class SpriteProcessesProvider extends SystemProvider {
    public static final String SIMULATED = "sun3-60-sprite-processes-sim";
    public static final String LIVE = "sprite-processes-live";

    public SpriteProcessesProvider() {
        simulated(SIMULATED, (faults, settings) -> SpriteProcesses.simulated(SIMULATED, SpriteSimulated.parameters(), faults));
        live(LIVE, (faults, settings) -> SpriteProcesses.live(LIVE, faults));
    }
}
