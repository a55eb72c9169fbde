package org.asfast.amoeba;

import org.asfast.systems.SystemProvider;

/**
 * Amoeba on simulated Sun 3/60s on one Ethernet, and live on this computer: its transactions, and its file service
 * in Douglis et al.'s two configurations (BULLET: the Bullet server alone; BULLET/DIR: with the directory server).
 */
public final class AmoebaProvider extends SystemProvider {
    public static final String SIMULATED = "sun3-60-amoeba-sim";
    public static final String LIVE = "amoeba-live";
    public static final String BULLET_SIMULATED = "sun3-60-amoeba-bullet-sim";
    public static final String BULLET_DIR_SIMULATED = "sun3-60-amoeba-bullet-dir-sim";
    public static final String BULLET_LIVE = "amoeba-bullet-live";
    public static final String BULLET_DIR_LIVE = "amoeba-bullet-dir-live";

    public AmoebaProvider() {
        simulated(SIMULATED, (faults, settings) -> new AmoebaSimulated(SIMULATED, AmoebaSimulated.parameters(), faults));
        live(LIVE, (faults, settings) -> new AmoebaLive(LIVE, faults));
        simulated(BULLET_SIMULATED, (faults, settings) -> new AmoebaFilesSimulated(BULLET_SIMULATED, "BULLET", AmoebaSimulated.parameters(), faults));
        simulated(BULLET_DIR_SIMULATED, (faults, settings) -> new AmoebaFilesSimulated(BULLET_DIR_SIMULATED, "BULLET/DIR", AmoebaSimulated.parameters(), faults));
        live(BULLET_LIVE, (faults, settings) -> new AmoebaFilesLive(BULLET_LIVE, "BULLET", AmoebaSimulated.parameters(), faults, settings.target()));
        live(BULLET_DIR_LIVE, (faults, settings) -> new AmoebaFilesLive(BULLET_DIR_LIVE, "BULLET/DIR", AmoebaSimulated.parameters(), faults, settings.target()));
    }
}
