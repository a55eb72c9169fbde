package org.asfast.nodes;

import java.util.random.RandomGenerator;

/**
 * What a node may use: its address, a clock, unreliable datagrams, timers, CPU accounting and storage.
 * The runtime behind it is simulated (virtual time, modelled hardware) or live (this computer).
 */
public interface NodeContext {

    /** This node's address. */
    int self();

    /** Nanoseconds on this node's clock: virtual in simulation, {@link System#nanoTime()} live. */
    long nanos();

    /** Sends a datagram; it may be lost, duplicated, delayed or reordered. Protocols add their own acknowledgements. */
    void send(int to, byte[] message);

    /** Runs {@code action} on this node's loop after {@code delayNanos}. */
    Timer after(long delayNanos, Runnable action);

    /**
     * Charges CPU work done by the handler now running: {@code instructions} of the given kind. In
     * simulation the node's modelled CPU is busy that long (instructions / MIPS), and what the handler sends
     * afterwards leaves later; live, the work takes whatever it takes and this only counts it.
     */
    void work(Work kind, double instructions);

    /** A named parameter of this node's system on this node's hardware (e.g. {@code "rpc_send_instructions"}). */
    double parameter(String name);

    /** Named persistent storage of this node (a modelled disk, or a file in the node's scratch folder). */
    Storage storage(String name);

    /** This node's random stream, from the run's seed. */
    RandomGenerator random();
}
