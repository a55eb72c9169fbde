package org.asfast.amoeba;

import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedSystem;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's file service on simulated Sun 3/60s, one Ethernet between them (Douglis et al. Table 2): the client's
 * machine, the Bullet server's with its disk, and, in the BULLET/DIR configuration, the directory server's with
 * its two replica disks. The workload's process runs on the client and transacts with the servers at user level.
 */
public final class AmoebaFilesSimulated implements Platform {
    private final String name;
    private final SimulatedSystem system;
    private final AmoebaKernel client = new AmoebaKernel();
    private final int clientAddress;
    private final int bulletAddress;
    private final int directoryAddress;
    private final double deadlineNanos;
    private final AmoebaFiles files;
    private BulletServer bullet = new BulletServer();
    private DirectoryServer directory = new DirectoryServer();

    public AmoebaFilesSimulated(String name, String configuration, SystemParameters parameters, Faults faults) {
        AmoebaFiles.Configuration c = AmoebaFiles.Configuration.parse(configuration);
        this.name = name;
        system = new SimulatedSystem(parameters, faults);
        Map<String, Double> numbers = parameters.numbers();
        clientAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client Sun 3/60", parameters)), client, numbers);
        bulletAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("Bullet server Sun 3/60", parameters)), bullet, numbers);
        directoryAddress = c == AmoebaFiles.Configuration.BULLET ? -1
                : system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("directory server Sun 3/60", parameters)), directory, numbers);
        system.simulation().run(); // the kernels and servers start
        // With the servers' WORKING answers a slow operation keeps its call alive; the deadline only guards against a protocol that hangs.
        deadlineNanos = 60e9;
        files = new AmoebaFiles(name, c, new AmoebaFiles.Servers() {
            @Override
            public byte[] bullet(byte[] request) {
                return trans(bulletAddress, request, "Amoeba trans to the Bullet server");
            }

            @Override
            public byte[] directory(byte[] request) {
                return trans(directoryAddress, request, "Amoeba trans to the directory server");
            }
        }, (int) parameters.number("bullet_transfer_bytes"));
    }

    private byte[] trans(int server, byte[] request, String what) {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.trans(server, request, true, outcome), outcome, deadlineNanos, what);
        return client.reply();
    }

    SimulatedSystem system() {
        return system;
    }

    BulletServer bullet() {
        return bullet;
    }

    DirectoryServer directory() {
        return directory;
    }

    /** Crashes the Bullet server's machine and starts a fresh server on it: its memory is lost, its disk kept. */
    void restartBullet() {
        system.cluster().crash(bulletAddress);
        bullet = new BulletServer();
        system.cluster().restart(bulletAddress, bullet);
        system.simulation().run();
    }

    /** Crashes the directory server and starts {@code replacement} (on the same replicas, or a fresh one for a lost disk). */
    void restartDirectory(DirectoryServer replacement) {
        system.cluster().crash(directoryAddress);
        directory = replacement;
        system.cluster().restart(directoryAddress, replacement);
        system.simulation().run();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return system.clock();
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
    }
}
