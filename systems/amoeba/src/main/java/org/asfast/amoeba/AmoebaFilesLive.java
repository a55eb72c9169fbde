package org.asfast.amoeba;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.asfast.spi.Clock;
import org.asfast.systems.LivePair;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's file service live on this computer: the Bullet server in a JVM of its own, keeping its files in one
 * contiguous store file; the directory server in another, keeping its two replica files; both in the run's scratch
 * folder, deleted when the platform closes. The workload's process is this JVM, transacting over UDP on 127.0.0.1
 * through the same {@link AmoebaKernel} as the simulation's. Timed by the wall clock.
 */
public final class AmoebaFilesLive extends AmoebaFilesPlatform {
    private static final int BULLET = 0, DIRECTORY = 1;
    private final AmoebaKernel client = new AmoebaKernel();
    private final LivePair servers;
    private final Duration timeout;

    /** Its servers' scratch folder is made in {@code scratchIn} (a run's target directory, as the other live file platforms'). */
    public AmoebaFilesLive(String name, String configuration, SystemParameters parameters, String faults, Path scratchIn) {
        super(name, configuration, parameters); // an unknown configuration is refused before anything starts
        // Enquiries answered WORKING keep a slow call (a store file's fsync on a busy disk) alive; this only ends a hang.
        timeout = Duration.ofSeconds(60);
        servers = new LivePair(List.of(BulletServer.class.getName(), DirectoryServer.class.getName()), client, parameters.numbers(), faults, scratchIn);
    }

    @Override
    protected byte[] trans(boolean bullet, byte[] request) {
        int server = servers.server(bullet ? BULLET : DIRECTORY);
        Outcome outcome = new Outcome();
        servers.await(() -> client.trans(server, request, true, outcome), outcome, timeout,
                bullet ? "Amoeba trans to the Bullet server's process" : "Amoeba trans to the directory server's process");
        return client.reply();
    }

    /** The Bullet server's store file. */
    Path store() {
        return servers.scratch().resolve("node-" + servers.server(BULLET)).resolve("bullet");
    }

    /** The directory server's replica files. */
    List<Path> replicas() {
        Path folder = servers.scratch().resolve("node-" + servers.server(DIRECTORY));
        return List.of(folder.resolve("replica-0"), folder.resolve("replica-1"));
    }

    /** The run's scratch folder (deleted on close). */
    Path scratch() {
        return servers.scratch();
    }

    /** kill -9 of the Bullet server's process. */
    void crashBullet() {
        servers.crash(BULLET);
    }

    void restartBullet() {
        servers.restart(BULLET);
    }

    void crashDirectory() {
        servers.crash(DIRECTORY);
    }

    void restartDirectory() {
        servers.restart(DIRECTORY);
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    protected void stop() {
        servers.close();
    }
}
