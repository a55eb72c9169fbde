package org.asfast.amoeba;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.systems.LivePair;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's file service live on this computer: the Bullet server in a JVM of its own, keeping its files in one
 * contiguous store file; the directory server in another, keeping its two replica files; both in the run's scratch
 * folder, deleted when the platform closes. The workload's process is this JVM, transacting over UDP on 127.0.0.1
 * through the same {@link AmoebaKernel} as the simulation's. Timed by the wall clock.
 */
public final class AmoebaFilesLive implements Platform {
    private static final int BULLET = 0, DIRECTORY = 1;
    private final String name;
    private final AmoebaKernel client = new AmoebaKernel();
    private final LivePair servers;
    private final AmoebaFiles files;
    private final Duration timeout;

    public AmoebaFilesLive(String name, String configuration, SystemParameters parameters, String faults) {
        AmoebaFiles.Configuration c = AmoebaFiles.Configuration.parse(configuration); // before anything starts
        this.name = name;
        // Enquiries answered WORKING keep a slow call (a store file's fsync on a busy disk) alive; this only ends a hang.
        timeout = Duration.ofSeconds(60);
        servers = new LivePair(List.of(BulletServer.class.getName(), DirectoryServer.class.getName()), client, parameters.numbers(), faults);
        files = new AmoebaFiles(name, c, new AmoebaFiles.Servers() {
            @Override
            public byte[] bullet(byte[] request) {
                return trans(servers.server(BULLET), request, "Amoeba trans to the Bullet server's process");
            }

            @Override
            public byte[] directory(byte[] request) {
                return trans(servers.server(DIRECTORY), request, "Amoeba trans to the directory server's process");
            }
        }, (int) parameters.number("bullet_transfer_bytes"));
    }

    private byte[] trans(int server, byte[] request, String what) {
        Outcome outcome = new Outcome();
        servers.await(() -> client.trans(server, request, true, outcome), outcome, timeout, what);
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
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability == Files.class || capability == Memory.class) {
            return capability.cast(files);
        }
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public void close() {
        files.close();
        servers.close();
    }
}
