package org.asfast.systems;

import java.util.Map;
import java.util.function.Consumer;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.spi.Clock;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Rpc;
import org.asfast.spi.Threads;

/**
 * A system's kernels on two simulated machines of one model, one Ethernet between them: the client's kernel, where
 * a workload's calls, threads and kernel calls run, and the server's (Douglis et al.'s two Sun 3/60s). A system says
 * how one call goes ({@link #call}), how large one may be, and how its kernels count executions and retransmissions;
 * every call is run to its end in virtual time, or fails in one line after the system's own timeout.
 */
public abstract class SimulatedPair<K extends Node> extends SystemPlatform implements Rpc, Threads, KernelEntry {
    private final SimulatedSystem system;
    protected final K client;
    protected final K server;
    protected final int clientAddress;
    protected final int serverAddress;
    /** How long a call may run in virtual time: twice as long as the client's kernel waits before it gives up. */
    protected final double deadlineNanos;

    /** {@code giveUpNanos}: the longest the client's kernel waits for an answer before it reports a failure. */
    protected SimulatedPair(String name, String machine, SystemParameters parameters, Faults faults, K client, K server, double giveUpNanos) {
        super(name);
        this.client = client;
        this.server = server;
        system = new SimulatedSystem(parameters, faults);
        Map<String, Double> numbers = parameters.numbers();
        clientAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client " + machine, parameters)), client, numbers);
        serverAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("server " + machine, parameters)), server, numbers);
        system.simulation().run(); // the kernels start
        deadlineNanos = 2 * giveUpNanos;
    }

    /** What one call at this level is called, in an error message ("Sprite RPC"). */
    protected abstract String callName(boolean user);

    /** Starts one call on the client's kernel, of these sizes, at user level or kernel level. */
    protected abstract void call(boolean user, int requestBytes, int replyBytes, Outcome outcome);

    /** How long one call of these sizes may run before it is an error (a system whose calls take several RPCs allows more). */
    protected double deadlineNanos(boolean user, int requestBytes, int replyBytes) {
        return deadlineNanos;
    }

    /** The largest call at this level. */
    protected abstract int maxBytes(boolean user);

    /** What a kernel executed for its clients (each call once, whatever the network did). */
    protected abstract long executions(K kernel);

    /** Packets a kernel sent again. */
    protected abstract long retransmissions(K kernel);

    /** Runs {@code operation} on the client's kernel to its end, or fails with a one-line error naming {@code what}. */
    protected void run(String what, Consumer<Outcome> operation) {
        run(what, operation, deadlineNanos);
    }

    private void run(String what, Consumer<Outcome> operation, double deadline) {
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> operation.accept(outcome), outcome, deadline, what);
    }

    /** The calls the server's kernel executed so far. */
    public long serverExecutions() {
        return executions(server);
    }

    /** Datagrams the fault layer dropped and duplicated so far. */
    public long[] faultsSoFar() {
        return new long[] {system.cluster().dropped(), system.cluster().duplicated()};
    }

    /** Crashes the server's machine: it answers nothing more. */
    public void crashServer() {
        system.cluster().crash(serverAddress);
    }

    @Override
    public Clock clock() {
        return system.clock();
    }

    @Override
    public Client connect(Level level) {
        boolean user = level == Level.USER;
        long retransmittedBefore = retransmissions(client) + retransmissions(server);
        return new Client() {
            @Override
            public void call(int requestBytes, int replyBytes) {
                run(callName(user) + " to the server's machine",
                        outcome -> SimulatedPair.this.call(user, requestBytes, replyBytes, outcome), deadlineNanos(user, requestBytes, replyBytes));
            }

            @Override
            public int maxBytes() {
                return SimulatedPair.this.maxBytes(user);
            }

            @Override
            public long retransmissions() {
                return SimulatedPair.this.retransmissions(client) + SimulatedPair.this.retransmissions(server) - retransmittedBefore; // by either kernel
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        // nothing outside the simulation's memory
    }
}
