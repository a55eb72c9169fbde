package org.asfast.systems;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asfast.live.Launcher;
import org.asfast.live.LiveException;
import org.asfast.live.LiveNode;
import org.asfast.live.LocalProcessPlacement;
import org.asfast.nodes.Node;
import org.asfast.spi.UserError;

/**
 * A system's kernels live on this computer: each server's in a JVM of its own, the client's in this one, driven by
 * the caller's thread, over UDP on 127.0.0.1 (platforms/live). A workload's call posts the client's operation to its
 * loop and runs the loop until the operation is over.
 */
public final class LivePair implements AutoCloseable {
    private final Launcher launcher;
    private final LiveNode client;
    private final int[] servers;

    /** Starts the server node ({@code serverClass}) and {@code clientNode}; problems starting are one-line {@link UserError}s. */
    public LivePair(String serverClass, Node clientNode, Map<String, Double> parameters, String faults) {
        this(List.of(serverClass), clientNode, parameters, faults);
    }

    /** As above, with the run's scratch folder (the nodes' storage) made in {@code scratchIn}. */
    public LivePair(String serverClass, Node clientNode, Map<String, Double> parameters, String faults, Path scratchIn) {
        this(List.of(serverClass), clientNode, parameters, faults, scratchIn);
    }

    /** Starts a server node of each class, each in a process of its own (addresses 0, 1, ... in order), then {@code clientNode}. */
    public LivePair(List<String> serverClasses, Node clientNode, Map<String, Double> parameters, String faults) {
        this(serverClasses, clientNode, parameters, faults, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As above, with the run's scratch folder (the nodes' storage) made in {@code scratchIn}. */
    public LivePair(List<String> serverClasses, Node clientNode, Map<String, Double> parameters, String faults, Path scratchIn) {
        try {
            Launcher.Settings defaults = Launcher.Settings.of(parameters, faults);
            launcher = new Launcher(new LocalProcessPlacement(),
                    new Launcher.Settings(defaults.parameters(), defaults.faults(), defaults.seed(), defaults.readyTimeout(), scratchIn));
        } catch (LiveException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        try {
            servers = serverClasses.stream().mapToInt(launcher::add).toArray();
            client = launcher.addLocal(clientNode);
            launcher.start();
        } catch (LiveException e) {
            launcher.close();
            throw new UserError(e.getMessage(), e);
        }
    }

    public int server() {
        return servers[0];
    }

    /** The address of the {@code index}th server. */
    public int server(int index) {
        return servers[index];
    }

    /** The run's scratch root, which holds each node's folder ({@code node-<address>}) and is deleted on close. */
    public Path scratch() {
        return launcher.root();
    }

    /** Starts {@code operation} on the client's loop and runs it until {@code outcome} is over, or fails in one line. */
    public void await(Runnable operation, Outcome outcome, Duration timeout, String what) {
        client.post(operation);
        client.runUntil(outcome::over, timeout);
        if (outcome.error() != null) {
            throw new UserError(what + ": " + outcome.error());
        }
        if (!outcome.succeeded()) {
            throw new UserError(what + ": no answer within " + timeout.toMillis() + " ms");
        }
    }

    /** One of the first server node's counters ({@code instructions.PROCEDURE}, {@code received}, ...). */
    public long serverCount(String counter) {
        return launcher.load(servers[0]).count(counter);
    }

    /** Runs the client's loop for {@code time} with nothing asked of it (its timers fire). */
    public void idle(Duration time) {
        client.runUntil(() -> false, time);
    }

    /** Runs the client's loop for at most {@code time} with nothing asked of it, until {@code enough} holds (checked after each event). */
    public void idle(Duration time, java.util.function.BooleanSupplier enough) {
        client.runUntil(enough, time);
    }

    /** Makes a loop another thread is running in {@link #idle} look at its condition now. */
    public void wake() {
        client.post(() -> { });
    }

    /** A fresh process for the first server on the same port and storage, after {@link #crashServer}. */
    public void restartServer() {
        restart(0);
    }

    /** The first server node's scratch folder (its storage files). */
    public Path serverFolder() {
        return launcher.root().resolve("node-" + servers[0]);
    }

    /** kill -9 of the first server's process. */
    public void crashServer() {
        crash(0);
    }

    /** kill -9 of the {@code index}th server's process. */
    public void crash(int index) {
        launcher.crash(servers[index]);
    }

    /** Starts the {@code index}th server again after its crash: a fresh process, its storage kept. */
    public void restart(int index) {
        try {
            launcher.restart(servers[index]);
        } catch (LiveException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        launcher.close();
    }
}
