package org.asfast.amoeba;

import java.util.Map;
import java.util.function.Consumer;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.spi.Clock;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedSystem;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's file service on simulated Sun 3/60s, one Ethernet between them (Douglis et al. Table 2): the client's
 * machine, the Bullet server's with its disk, and, in the BULLET/DIR configuration, the directory server's with
 * its two replica disks. The workload's process runs on the client and transacts with the servers at user level.
 */
public final class AmoebaFilesSimulated extends AmoebaFilesPlatform {
    private final SimulatedSystem system;
    private final AmoebaKernel client = new AmoebaKernel();
    private NodeContext clientMachine;
    private final int clientAddress;
    private final int bulletAddress;
    private final int directoryAddress;
    private final double deadlineNanos;
    private BulletServer bullet = new BulletServer();
    private DirectoryServer directory = new DirectoryServer();

    public AmoebaFilesSimulated(String name, String configuration, SystemParameters parameters, Faults faults) {
        super(name, configuration, parameters);
        system = new SimulatedSystem(parameters, faults);
        Map<String, Double> numbers = parameters.numbers();
        Node clientNode = new Node() { // the client's kernel, and its machine for the programs' own work
            @Override
            public void start(NodeContext context) {
                clientMachine = context;
                client.start(context);
            }

            @Override
            public void receive(int from, byte[] message) {
                client.receive(from, message);
            }
        };
        clientAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client Sun 3/60", parameters)), clientNode, numbers);
        bulletAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("Bullet server Sun 3/60", parameters)), bullet, numbers);
        directoryAddress = AmoebaFiles.Configuration.parse(configuration) == AmoebaFiles.Configuration.BULLET ? -1
                : system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("directory server Sun 3/60", parameters)), directory, numbers);
        system.simulation().run(); // the kernels and servers start
        // With the servers' WORKING answers a slow operation keeps its call alive; the deadline only guards against a protocol that hangs.
        deadlineNanos = 60e9;
    }

    @Override
    protected byte[] trans(boolean bullet, byte[] request) {
        int server = bullet ? bulletAddress : directoryAddress;
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.trans(server, request, true, outcome), outcome, deadlineNanos,
                bullet ? "Amoeba trans to the Bullet server" : "Amoeba trans to the directory server");
        return client.reply();
    }

    @Override
    protected Consumer<Consumer<NodeContext>> cpu() {
        return work -> {
            Outcome outcome = new Outcome();
            system.await(clientAddress, () -> {
                work.accept(clientMachine);
                outcome.succeed(clientMachine.nanos());
            }, outcome, deadlineNanos, "a program on the Amoeba client");
        };
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
    public Clock clock() {
        return system.clock();
    }

    @Override
    protected void stop() {
        // nothing outside the simulation's memory
    }
}
