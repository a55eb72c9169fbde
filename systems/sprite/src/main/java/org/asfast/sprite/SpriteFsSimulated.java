package org.asfast.sprite;

import java.util.Map;
import java.util.function.BiConsumer;
import org.asfast.nodes.Faults;
import org.asfast.spi.Clock;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.SimulatedSystem;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's file system on two simulated Sun 3/60s on one Ethernet: a diskless client, caching or not, and a file
 * server with its disk (Douglis et al. Table 2).
 */
public final class SpriteFsSimulated extends SpriteFsPlatform {
    /** A call that takes longer than this in virtual time has gone wrong (the slowest, 100 KB uncached, takes about 0.2 s). */
    private static final double DEADLINE_NANOS = 600e9;

    private final SimulatedSystem system;
    private final boolean caching;
    private final Map<String, Double> numbers;
    private final int serverAddress;
    private final int clientAddress;
    private SpriteFileServer server = new SpriteFileServer();
    private SpriteFsClient client;
    private final Map<SpriteFsClient, Integer> addresses = new java.util.HashMap<>();
    private final SystemParameters parameters;

    public SpriteFsSimulated(String name, SystemParameters parameters, Faults faults, boolean caching) {
        super(name);
        this.caching = caching;
        system = new SimulatedSystem(parameters, faults);
        numbers = parameters.numbers();
        serverAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("file server Sun 3/60", parameters)), server, numbers);
        client = new SpriteFsClient(caching, serverAddress);
        this.parameters = parameters;
        clientAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client Sun 3/60", parameters)), client, numbers);
        addresses.put(client, clientAddress);
        system.simulation().run(); // the kernels start
    }

    @Override
    protected <T> T await(SpriteFsClient c, String what, BiConsumer<SpriteFsClient, SpriteFsClient.Done<T>> operation) {
        Result<T> result = new Result<>(c::nanos);
        system.await(addresses.get(c), () -> operation.accept(c, result), result.outcome, DEADLINE_NANOS, "Sprite " + what);
        return result.value;
    }

    @Override
    public Clock clock() {
        return system.clock();
    }

    @Override
    protected SystemParameters modelled() {
        return parameters;
    }

    /** Lets {@code seconds} of virtual time pass with nothing asked of the client: its timers and the server's run. */
    void idle(double seconds) {
        system.simulation().advance(seconds * 1e9);
    }

    /** Another client machine on the same Ethernet, for tests of sharing. */
    SpriteFsClient addClient(boolean cachingThere) {
        SpriteFsClient another = new SpriteFsClient(cachingThere, serverAddress);
        addresses.put(another, addMachine(another));
        return another;
    }

    /** Another machine on the same Ethernet running {@code node} (a test's own caller of the server); its address. */
    int addMachine(org.asfast.nodes.Node node) {
        int address = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client Sun 3/60 " + addresses.size(), parameters)),
                node, numbers);
        system.simulation().advance(0); // it starts
        return address;
    }

    int serverAddress() {
        return serverAddress;
    }

    /** The client's machine now. */
    @Override
    SpriteFsClient client() {
        return client;
    }

    /** The server's machine stops: its memory (cache, open files, what it had not written) is lost, its disk is not. */
    void crashServer() {
        system.cluster().crash(serverAddress);
    }

    void restartServer() {
        server = new SpriteFileServer();
        system.cluster().restart(serverAddress, server);
    }

    /** The client's machine stops, and starts again with an empty cache. */
    void crashAndRestartClient() {
        system.cluster().crash(clientAddress);
        addresses.remove(client);
        client = new SpriteFsClient(caching, serverAddress);
        addresses.put(client, clientAddress);
        system.cluster().restart(clientAddress, client);
    }

    /** RPCs the file server's kernel executed since it last started. */
    long serverExecutions() {
        return server.executions();
    }

    SimulatedSystem system() {
        return system;
    }

    @Override
    public void close() {
        super.close();
    }
}
