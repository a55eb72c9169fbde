package org.asfast.cli;

import java.util.List;
import java.util.Locale;
import org.asfast.amoeba.AmoebaFilesCrashes;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.nodes.Faults;
import org.asfast.report.FaultPromises;
import org.asfast.sprite.SpriteFsCrashes;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's and Sprite's file systems' own promises under crashes, measured in simulation (virtual time, the
 * packets lost and duplicated as a fault setting says, deterministic from its seed), as the run and
 * {@code asfast systems --faults} report them.
 */
final class CrashPromises {
    /** The run's setting: one packet in ten lost, one in twenty duplicated, from seed 7. */
    static final String RUN_FAULTS = "drop=0.1,dup=0.05,seed=7";
    /** Sprite: a block a second for 90 s, three delays' worth; 40 s of writes across 5 server crashes. */
    private static final int SPRITE_CLIENT_WRITES = 90, SPRITE_SERVER_WRITES = 40;
    /** Amoeba: 12 files of up to 60 KB, committed, then the Bullet server's crash, or one replica's loss. */
    private static final int AMOEBA_FILES = 12;

    private CrashPromises() {
    }

    /** What the Sprite client crash's bound is made of, from the parameters it was fixed from. */
    private static String spriteBoundBasis(SystemParameters p, long boundNanos) {
        double delay = p.number("delayed_write_s");
        return String.format(Locale.ROOT, "fixed before the run from the parameters: delayed_write_s %.0f s, then RPC's full resend schedule for one "
                + "write-back of a 4 KB block, in which it lands or is given up: fragmented_retry_ms %.0f doubling to max_timeout_wait_ms %.0f, "
                + "max_tries %.0f, %.1f s", delay, p.number("fragmented_retry_ms"), p.number("max_timeout_wait_ms"), p.number("max_tries"),
                boundNanos / 1e9 - delay);
    }

    static List<FaultPromises.Row> measure(Faults faults) {
        String setting = faults.toString();
        SpriteFsCrashes.ClientCrash client = SpriteFsCrashes.clientCrash(SpriteSimulated.parameters(), faults, SPRITE_CLIENT_WRITES);
        SpriteFsCrashes.ServerCrash server = SpriteFsCrashes.serverCrash(SpriteSimulated.parameters(), faults, SPRITE_SERVER_WRITES);
        AmoebaFilesCrashes.Outcome bullet = AmoebaFilesCrashes.bulletCrash(AmoebaSimulated.parameters(), faults, AMOEBA_FILES);
        AmoebaFilesCrashes.Outcome directory = AmoebaFilesCrashes.replicaLoss(AmoebaSimulated.parameters(), faults, AMOEBA_FILES);
        return List.of(
                new FaultPromises.Row("Sprite", "a client crash loses at most the writes of the last 30 seconds (a block written a second for 90 s, then the crash)",
                        setting, client.writes(), client.lost(), String.format(Locale.ROOT,
                                "oldest lost write, from its acknowledgement (the oldest write-back unanswered at the crash was %.4f s past due)",
                                client.overdueNanos() / 1e9), client.oldestLostNanos() / 1e9, client.boundNanos() / 1e9, "s",
                        spriteBoundBasis(SpriteSimulated.parameters(), client.boundNanos())),
                new FaultPromises.Row("Sprite", "when the server crashes and restarts, clients reopen their files and keep their dirty blocks ("
                        + server.crashes() + " crashes while a caching client writes)", setting, server.writes(), server.lost(), "acknowledged writes lost",
                        server.lost(), 0, "writes", "none"),
                new FaultPromises.Row("Amoeba", "a file whose commit was acknowledged survives the Bullet server's crash right after it, byte for byte",
                        setting, bullet.files(), bullet.lost(), "committed files lost or changed", bullet.lost(), 0, "files", "none"),
                new FaultPromises.Row("Amoeba", "losing one of the directory server's two replicas loses no name (nor brings a removed one back)",
                        setting, directory.files(), directory.lost(), "names lost or wrong", directory.lost(), 0, "names", "none"));
    }
}
