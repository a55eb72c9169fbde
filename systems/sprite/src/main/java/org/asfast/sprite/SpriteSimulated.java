package org.asfast.sprite;

import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Platform;
import org.asfast.spi.Rpc;
import org.asfast.spi.Threads;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedSystem;
import org.asfast.systems.SystemParameters;

/**
 * Sprite on two simulated Sun 3/60s: the client's kernel on one, the server's on the other, one Ethernet
 * between them. Kernel RPCs and pseudo-device requests between them are Douglis et al.'s Table 1; processes
 * sharing memory on the client's machine are Table 3's threads.
 */
public final class SpriteSimulated implements Platform, Rpc, Threads, KernelEntry {
    private final String name;
    private final SimulatedSystem system;
    private final SpriteKernel client = new SpriteKernel();
    private final SpriteKernel server = new SpriteKernel();
    private final int clientAddress;
    private final int serverAddress;
    private final double deadlineNanos;

    public SpriteSimulated(String name, SystemParameters parameters, Faults faults) {
        this.name = name;
        system = new SimulatedSystem(parameters, faults);
        Map<String, Double> numbers = parameters.numbers();
        clientAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client Sun 3/60", parameters)), client, numbers);
        serverAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("server Sun 3/60", parameters)), server, numbers);
        system.simulation().run(); // the kernels start
        // A protocol that works gives up after its tries; the deadline only guards against one that does not.
        deadlineNanos = 2 * parameters.number("max_tries") * parameters.number("retransmit_ms") * 1e6;
    }

    /**
     * The shipped parameters: the Sun 3/60 and Sprite's UNIX-side figures from the model (its context switch, process
     * creation, and its file system's paths for open, name lookup, close, read, write, create and delete), the Lance
     * interface, and Sprite's RPC's and file system's own.
     */
    public static SystemParameters parameters() {
        return SystemParameters.load(ModelHardware.of("sun3-60-sprite-local",
                "switch_instructions", "pipe_io_instructions", "spawn_instructions", "fork_copy_kb", "getpid_instructions",
                "open_instructions", "lookup_instructions", "close_instructions", "read_instructions", "write_instructions",
                "create_extra_instructions", "delete_extra_instructions"), SpriteSimulated.class, "parameters.csv");
    }

    /** The server machine's kernel, for tests that count its executions. */
    SpriteKernel server() {
        return server;
    }

    SimulatedSystem system() {
        return system;
    }

    /** The RPCs the server's kernel executed so far (once each, whatever the network did). */
    public long serverExecutions() {
        return server.executions();
    }

    /** Datagrams the fault layer dropped and duplicated so far. */
    public long[] faultsSoFar() {
        return new long[] {system.cluster().dropped(), system.cluster().duplicated()};
    }

    int serverAddress() {
        return serverAddress;
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
        if (capability.isInstance(this)) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public Client connect(Level level) {
        boolean user = level == Level.USER;
        long retransmittedBefore = client.retransmissions() + server.retransmissions();
        return new Client() {
            @Override
            public void call(int requestBytes, int replyBytes) {
                Outcome outcome = new Outcome();
                if (user) {
                    system.await(clientAddress, () -> client.pseudoDevice(serverAddress, requestBytes, replyBytes, outcome), outcome,
                            deadlineNanos * Math.max(1, Math.max(requestBytes, replyBytes) / client.maxBytes() + 1), "Sprite pseudo-device request to the server's machine");
                } else {
                    system.await(clientAddress, () -> client.rpc(serverAddress, requestBytes, replyBytes, outcome), outcome,
                            deadlineNanos, "Sprite RPC to the server's machine");
                }
            }

            @Override
            public int maxBytes() {
                return user ? Integer.MAX_VALUE : client.maxBytes();
            }

            @Override
            public long retransmissions() {
                return client.retransmissions() + server.retransmissions() - retransmittedBefore; // by either kernel
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void switchRoundTrip() {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.switchRoundTrip(outcome), outcome, deadlineNanos, "Sprite context switch");
    }

    @Override
    public void createAndJoin() {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.sharedFork(outcome), outcome, deadlineNanos, "Sprite shared-memory fork");
    }

    @Override
    public long nullCall() {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.nullCall(outcome), outcome, deadlineNanos, "Sprite null kernel call");
        return clientAddress;
    }

    @Override
    public void close() {
        // nothing outside the simulation's memory
    }
}
