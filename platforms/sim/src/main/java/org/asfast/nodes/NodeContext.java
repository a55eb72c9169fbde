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

    /**
     * Hands this node's processor to its other thread of control, which runs {@code body}, and takes it back when
     * {@code body} returns: two context switches (a server thread blocked in getreq, a process waiting for a wake-up).
     * In simulation {@code body} runs in place and the system charges the switches it models as work; live, it runs on
     * a second thread of the node's process, woken through shared memory and a kernel wake-up and waited for the same way.
     */
    default void switchTo(Runnable body) {
        body.run();
    }

    /**
     * Creates a thread of this node that shares its memory, runs {@code body} on it and waits for it to end. In
     * simulation {@code body} runs in place and the system charges the creation it models; live, it is a new thread
     * of the node's process (on Linux a task cloned to share the address space).
     */
    default void createThread(Runnable body) {
        body.run();
    }
}
