package org.asfast.amoeba;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/**
 * Amoeba on simulated Sun 3/60s on one Ethernet, and live on this computer: its transactions, and its file service
 * in Douglis et al.'s two configurations (BULLET: the Bullet server alone; BULLET/DIR: with the directory server).
 */
public final class AmoebaProvider implements PlatformProvider {
    public static final String SIMULATED = "sun3-60-amoeba-sim";
    public static final String LIVE = "amoeba-live";
    public static final String BULLET_SIMULATED = "sun3-60-amoeba-bullet-sim";
    public static final String BULLET_DIR_SIMULATED = "sun3-60-amoeba-bullet-dir-sim";
    public static final String BULLET_LIVE = "amoeba-bullet-live";
    public static final String BULLET_DIR_LIVE = "amoeba-bullet-dir-live";

    /** The simulated Sun 3/60s run in virtual time; the live kernels are timed on this computer's clock. */
    @Override
    public PlatformKind kind(String name) {
        return name.endsWith("-live") ? PlatformKind.LIVE : PlatformKind.SIMULATED;
    }

    @Override
    public List<String> names() {
        return List.of(SIMULATED, LIVE, BULLET_SIMULATED, BULLET_DIR_SIMULATED, BULLET_LIVE, BULLET_DIR_LIVE);
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        return switch (name) {
            case LIVE -> new AmoebaLive(LIVE, "");
            case BULLET_SIMULATED -> new AmoebaFilesSimulated(name, "BULLET", AmoebaSimulated.parameters(), Faults.NONE);
            case BULLET_DIR_SIMULATED -> new AmoebaFilesSimulated(name, "BULLET/DIR", AmoebaSimulated.parameters(), Faults.NONE);
            case BULLET_LIVE -> new AmoebaFilesLive(name, "BULLET", AmoebaSimulated.parameters(), "");
            case BULLET_DIR_LIVE -> new AmoebaFilesLive(name, "BULLET/DIR", AmoebaSimulated.parameters(), "");
            default -> new AmoebaSimulated(SIMULATED, AmoebaSimulated.parameters(), Faults.NONE);
        };
    }
}
