package org.asfast.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.asfast.nodes.Node;

/**
 * Starts the nodes of one live run, gives them ports and addresses, crashes and restarts them, and stops them.
 *
 * <p>Nodes get addresses 0, 1, 2, ... in the order they are added, as in the simulated cluster. A node added with
 * {@link #add} runs in a process of its own, wherever the {@link Placement} puts it; a node added with
 * {@link #addLocal} runs in this JVM, on the loop of the thread that drives its {@link LiveNode} (a benchmark's
 * client). {@link #start} launches the processes together, waits until each has bound its socket (each binds any
 * free port unless given one), sends every node the address table and waits until each has run
 * {@link Node#start}. Any failure on the way (a busy port, a node class that cannot be created or whose start
 * throws, a node not ready in time) stops everything already started, deletes the run's scratch root and throws a
 * {@link LiveException} with a one-line message.
 *
 * <p>No node outlives its run: {@link #close} stops the nodes and deletes the scratch root; a shutdown hook does
 * the same if this JVM exits without closing; and each node process exits on its own when this JVM dies, even by
 * kill -9 (it sees its standard input close).
 *
 * <pre>{@code
 * try (Launcher launcher = new Launcher(new LocalProcessPlacement(), Launcher.Settings.of(parameters, "drop=0.1,seed=7"))) {
 *     int server = launcher.add(EchoServer.class.getName());   // node 0: its own JVM
 *     LiveNode client = launcher.addLocal(new MyClient());      // node 1: this JVM
 *     launcher.start();
 *     client.runUntil(() -> done, Duration.ofSeconds(5));       // this thread runs node 1's loop
 *     launcher.crash(server);                                   // kill -9
 *     launcher.restart(server);                                 // same address and port, storage kept
 * }
 * }</pre>
 */
public final class Launcher implements AutoCloseable {
    private static final String EOF = "\u0000eof";

    /**
     * What every node of a run is given.
     *
     * @param parameters   the system's parameters ({@code NodeContext.parameter})
     * @param faults       the fault setting, e.g. {@code drop=0.1,dup=0.05,seed=7}; empty for none
     * @param seed         the run's seed, for each node's {@code random()}
     * @param readyTimeout how long a node may take to start (a JVM on a busy machine takes seconds)
     * @param scratchIn    where the run's scratch root is made
     */
    public record Settings(Map<String, Double> parameters, String faults, long seed, Duration readyTimeout, Path scratchIn) {
        public Settings {
            parameters = Map.copyOf(parameters);
            FaultLayer.parse(faults);
        }

        /** Default seed, 60 s to start, scratch in the system's temporary folder. */
        public static Settings of(Map<String, Double> parameters, String faults) {
            return new Settings(parameters, faults, 1, Duration.ofSeconds(60), Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    private final Placement placement;
    private final Settings settings;
    private final Path root;
    private final int runTag;
    private final List<Member> members = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean started;
    private boolean closed;

    public Launcher(Placement placement, Settings settings) {
        this.placement = placement;
        this.settings = settings;
        this.root = Scratch.create(settings.scratchIn());
        this.runTag = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        this.shutdownHook = new Thread(() -> destroyAll(false), "asfast-live-teardown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Adds a node of class {@code nodeClass} in a process of its own, on any free port; returns its address. */
    public int add(String nodeClass) {
        return add(nodeClass, 0);
    }

    /** Adds a node of class {@code nodeClass} in a process of its own, on {@code port} (0: any free one). */
    public int add(String nodeClass, int port) {
        requireNotStarted();
        int id = members.size();
        members.add(new Remote(nodeClass, setup(id, port)));
        return id;
    }

    /** Adds {@code node} in this JVM and binds its socket now; drive it with {@link LiveNode#runUntil}. */
    public LiveNode addLocal(Node node) {
        requireNotStarted();
        int id = members.size();
        Local local;
        try {
            local = new Local(LiveNode.open(setup(id, 0), node));
            CpuPin.link(); // now, in set-up: the first link of C calls takes 0.1-0.7 s, which would eat a benchmark's warm-up
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        members.add(local);
        return local.live;
    }

    private NodeSetup setup(int id, int port) {
        return new NodeSetup(id, port, root.resolve("node-" + id), settings.parameters(), settings.seed(), runTag, settings.faults());
    }

    /** Launches the added nodes, waits until all are ready, gives them the address table and starts them. */
    public void start() {
        requireNotStarted();
        started = true;
        try {
            long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
            for (Member m : members) {
                if (m instanceof Remote r) {
                    r.launch(r.setup);
                }
            }
            Map<Integer, InetSocketAddress> table = new TreeMap<>();
            for (Member m : members) {
                table.put(m.id(), m.awaitReady(deadline));
            }
            String peers = "peers " + NodeMain.formatPeers(table);
            for (Member m : members) {
                m.begin(peers, table);
            }
            for (Member m : members) {
                m.awaitStarted(deadline);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Crashes a node in its own process: kill -9, and waits until it is gone. Its storage stays. */
    public void crash(int id) {
        remote(id).process.kill();
    }

    /**
     * Starts a crashed node again: a fresh process of the same class on the same port and scratch folder (its
     * memory is lost, its storage kept), and waits until it has started.
     */
    public void restart(int id) {
        Remote r = remote(id);
        if (r.process.alive()) {
            throw new IllegalStateException("node " + id + " is running; crash it first");
        }
        Map<Integer, InetSocketAddress> table = new TreeMap<>();
        for (Member m : members) {
            table.put(m.id(), m.address);
        }
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        try {
            r.launch(r.setup.withPort(r.address.getPort()));
            r.awaitReady(deadline);
            r.begin("peers " + NodeMain.formatPeers(table), table);
            r.awaitStarted(deadline);
        } catch (RuntimeException e) {
            r.process.kill();
            throw e;
        }
    }

    /** A node's counters; a node in its own process is asked over its control line. */
    public Load load(int id) {
        Member m = members.get(id);
        if (m instanceof Local l) {
            return l.live.load();
        }
        Remote r = (Remote) m;
        r.command("load");
        String line = r.await("load ", System.nanoTime() + settings.readyTimeout().toNanos());
        return Load.parse(line.substring(5));
    }

    /** The process id of a node in its own process. */
    public long pid(int id) {
        return remote(id).process.pid();
    }

    /** A node's socket address (after {@link #start}). */
    public InetSocketAddress address(int id) {
        return members.get(id).address;
    }

    /** Whether a node's process runs. */
    public boolean alive(int id) {
        return remote(id).process.alive();
    }

    /** The run's scratch root (deleted by {@link #close}). */
    public Path root() {
        return root;
    }

    /** Stops every node (asks, then kills what has not ended within a second) and deletes the scratch root. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Member m : members) {
            if (m instanceof Remote r && r.process != null && r.process.alive()) {
                r.command("stop");
            }
        }
        destroyAll(true);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook runs destroyAll, which is idempotent
        }
    }

    private synchronized void destroyAll(boolean graceful) {
        for (Member m : members) {
            m.destroy(graceful);
        }
        Scratch.deleteQuietly(root);
    }

    private void requireNotStarted() {
        if (started || closed) {
            throw new IllegalStateException("nodes are added before start()");
        }
    }

    private Remote remote(int id) {
        if (id < 0 || id >= members.size() || !(members.get(id) instanceof Remote r) || r.process == null) {
            throw new IllegalArgumentException("node " + id + " does not run in a process of its own");
        }
        return r;
    }

    private abstract static class Member {
        InetSocketAddress address;

        abstract int id();

        abstract InetSocketAddress awaitReady(long deadline);

        abstract void begin(String peers, Map<Integer, InetSocketAddress> table);

        abstract void awaitStarted(long deadline);

        abstract void destroy(boolean graceful);
    }

    private static final class Local extends Member {
        final LiveNode live;

        Local(LiveNode live) {
            this.live = live;
            this.address = live.address();
        }

        @Override
        int id() {
            return live.self();
        }

        @Override
        InetSocketAddress awaitReady(long deadline) {
            return address;
        }

        @Override
        void begin(String peers, Map<Integer, InetSocketAddress> table) {
            live.connect(table);
        }

        @Override
        void awaitStarted(long deadline) {
            live.start();
        }

        @Override
        void destroy(boolean graceful) {
            live.close();
        }
    }

    private final class Remote extends Member {
        final String nodeClass;
        final NodeSetup setup;
        NodeProcess process;
        BlockingQueue<String> lines;

        Remote(String nodeClass, NodeSetup setup) {
            this.nodeClass = nodeClass;
            this.setup = setup;
        }

        @Override
        int id() {
            return setup.id();
        }

        void launch(NodeSetup how) {
            process = placement.start(nodeClass, how, root);
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            lines = queue;
            NodeProcess p = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.output(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        queue.add(line);
                    }
                } catch (IOException e) {
                    // the process is gone; EOF below says so
                }
                queue.add(EOF);
            }, "node-" + setup.id() + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        InetSocketAddress awaitReady(long deadline) {
            int port = Integer.parseInt(await("ready ", deadline).substring(6).strip());
            address = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port);
            return address;
        }

        @Override
        void begin(String peers, Map<Integer, InetSocketAddress> table) {
            command(peers);
        }

        @Override
        void awaitStarted(long deadline) {
            await("started", deadline);
        }

        void command(String line) {
            try {
                OutputStream in = process.input();
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                // the process is gone; the next await reports why
            }
        }

        /** The next line starting with {@code prefix}; an error line, the process's end or the deadline is a LiveException. */
        String await(String prefix, long deadline) {
            String what = "node " + setup.id() + " (" + nodeClass + ")";
            while (true) {
                String line;
                try {
                    line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LiveException(what + ": interrupted while waiting for it");
                }
                if (line == null) {
                    throw new LiveException(what + " did not answer within " + settings.readyTimeout().toSeconds()
                            + " s; the machine may be overloaded (give more time) or the node is stuck");
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.startsWith("error ")) {
                    String message = line.substring(6);
                    throw new LiveException(message.startsWith("node ") ? message : what + ": " + message);
                }
                if (line.equals(EOF)) {
                    process.awaitExit(Duration.ofSeconds(5));
                    String log = process.lastLogLine();
                    throw new LiveException(what + " ended before it was " + prefix.strip()
                            + (log.isEmpty() ? "" : "; its last words: " + log));
                }
            }
        }

        @Override
        void destroy(boolean graceful) {
            if (process == null) {
                return;
            }
            if (graceful) {
                process.awaitExit(Duration.ofSeconds(1)); // it was asked to stop
            }
            process.kill(); // waits until it is gone, so its files can be deleted
        }
    }
}
