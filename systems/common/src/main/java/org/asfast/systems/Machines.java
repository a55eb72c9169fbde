package org.asfast.systems;

import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.asfast.live.Launcher;
import org.asfast.live.LiveException;
import org.asfast.live.LiveNode;
import org.asfast.live.Load;
import org.asfast.live.LocalProcessPlacement;
import org.asfast.nodes.Faults;
import org.asfast.nodes.Node;
import org.asfast.nodes.Work;
import org.asfast.spi.Clock;
import org.asfast.spi.UserError;

/**
 * A system's machines, node 0 the caller's: simulated, one modelled Sun 3/60 each on one Ethernet, or live, the
 * caller's node in this JVM and each other one in a JVM of its own on this computer. A workload's call starts an
 * operation on a node and waits for its outcome; a failure is a one-line {@link UserError}.
 */
public abstract class Machines implements AutoCloseable {

    /** Starts {@code action} on {@code node} and waits until {@code outcome} is over; fails in one line. */
    public abstract void await(int node, Runnable action, Outcome outcome, String what);

    /** Crashes a node: its messages are lost (simulated), or its process is killed with kill -9 (live). */
    public abstract void crash(int node);

    public abstract Clock clock();

    /** A node's counters so far: a live node's {@link Load}, asked of its JVM; a simulated one's busy time by kind ({@code nanos.<KIND>}) only. */
    public abstract Load load(int node);

    @Override
    public abstract void close();

    /** Simulated: {@code nodes[i]} on machine i. */
    public static Machines simulated(SystemParameters parameters, Faults faults, List<Node> nodes) {
        SimulatedSystem system = new SimulatedSystem(parameters, faults);
        for (Node n : nodes) {
            system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("Sun 3/60 " + n.getClass().getSimpleName(), parameters)), n,
                    parameters.numbers());
        }
        system.simulation().run(); // the kernels start
        // A protocol that works gives up after its tries; the deadline only guards against one that does not.
        double deadline = 20 * parameters.number("max_tries") * parameters.number("retransmit_ms") * 1e6;
        return new Machines() {
            @Override
            public void await(int node, Runnable action, Outcome outcome, String what) {
                system.await(node, action, outcome, deadline, what);
            }

            @Override
            public void crash(int node) {
                system.cluster().crash(node);
            }

            @Override
            public Clock clock() {
                return system.clock();
            }

            @Override
            public Load load(int node) {
                SortedMap<String, Long> busy = new TreeMap<>();
                for (Work kind : Work.values()) {
                    busy.put("nanos." + kind, Math.round(system.cluster().busyNanos(node, kind)));
                }
                return new Load(busy);
            }

            @Override
            public void close() {
                // nothing outside the simulation's memory
            }
        };
    }

    /** Live: {@code caller} in this JVM as node 0, then one JVM for each of {@code others}' classes, in order. */
    public static Machines live(SystemParameters parameters, String faults, Node caller, List<Class<? extends Node>> others) {
        Launcher launcher;
        try {
            launcher = new Launcher(new LocalProcessPlacement(), Launcher.Settings.of(parameters.numbers(), faults));
        } catch (LiveException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        LiveNode local;
        try {
            local = launcher.addLocal(caller);
            for (Class<? extends Node> c : others) {
                launcher.add(c.getName());
            }
            launcher.start();
        } catch (LiveException e) {
            launcher.close();
            throw new UserError(e.getMessage(), e);
        }
        // Generous: a loaded machine's JVMs stall; a dead peer is still found by the protocol's own retransmissions.
        Duration timeout = Duration.ofMillis(Math.round(50 * parameters.number("max_tries") * parameters.number("retransmit_ms")));
        return new Machines() {
            @Override
            public void await(int node, Runnable action, Outcome outcome, String what) {
                if (node != 0) {
                    throw new IllegalArgumentException("live, only the caller's node runs in this JVM");
                }
                local.post(action);
                local.runUntil(outcome::over, timeout);
                if (outcome.error() != null) {
                    throw new UserError(what + ": " + outcome.error());
                }
                if (!outcome.succeeded()) {
                    throw new UserError(what + ": no answer within " + timeout.toMillis() + " ms");
                }
            }

            @Override
            public void crash(int node) {
                launcher.crash(node);
            }

            @Override
            public Clock clock() {
                return Clock.WALL;
            }

            @Override
            public Load load(int node) {
                return launcher.load(node);
            }

            @Override
            public void close() {
                launcher.close();
            }
        };
    }
}
