package org.asfast.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Storage;
import org.asfast.nodes.Timer;
import org.asfast.nodes.Work;

/**
 * One node running for real on this computer: the {@link NodeContext} of the live runtime.
 *
 * <p>A live node owns one UDP socket ({@link DatagramChannel}) bound on 127.0.0.1 and one single-threaded event
 * loop that delivers the node's datagrams and fires its timers, one handler at a time. The loop runs on whichever
 * thread calls {@link #run} or {@link #runUntil}; there is no thread of its own, so a client node inside a
 * benchmark's JVM is driven by the benchmark's thread and polls its own socket with no hand-off between threads.
 * With nothing to do, the loop polls its socket for a while ({@link #defaultSpin}, {@link #spin}) before it waits in
 * the kernel, as the C floor's ping-pong polls. Every method except {@link #post} and {@link #stop} must be called from that one thread.
 *
 * <p>The {@link NodeContext} live:
 * <ul>
 *   <li>{@link #nanos()} is {@link System#nanoTime()};</li>
 *   <li>{@link #send} is one datagram, through the run's fault layer; every datagram carries an 8-byte header
 *       (the run's tag and the sender's address), so a message may be up to {@link #MAX_MESSAGE} bytes;</li>
 *   <li>{@link #after} fires no earlier than asked and, when the loop waits for it, up to about a millisecond
 *       later (the operating system's wait has millisecond granularity);</li>
 *   <li>{@link #work} charges nothing: the handler's code takes the real time it takes. It counts, per
 *       {@link Work} kind, the real time from this call to the handler's next {@code work()} call or its end, and
 *       the instructions declared, so that a server's load can be reported ({@link #load()});</li>
 *   <li>{@link #storage} is a file in the node's scratch folder; a durable write is fsynced;</li>
 *   <li>{@link #parameter} reads the parameters the node was set up with (its system's parameter rows);</li>
 *   <li>{@link #switchTo} and {@link #createThread} are real threads of the node's process: a second one that
 *       sleeps until it is handed control and hands it back (two context switches through the kernel's futex
 *       wake-up), and a new one per creation. From the first of these calls until {@link #close}, the calling thread
 *       and those threads are held on the CPU the caller was on ({@link CpuPin}), as on the papers' uniprocessors;
 *       close gives the caller back its CPUs.</li>
 * </ul>
 *
 * <p>Lifecycle: {@link #open} binds the socket; {@link #connect} gives the address table of the whole system;
 * {@link #start} calls {@link Node#start}; then the loop is run; {@link #close} releases the socket and files.
 */
public final class LiveNode implements NodeContext, AutoCloseable {
    /** Bytes in front of every payload: the run's tag and the sender's address. */
    static final int HEADER = 8;
    /** The largest message a node may send: the largest UDP payload, less the header. */
    public static final int MAX_MESSAGE = 65507 - HEADER;
    /** The system property that sets {@link #defaultSpin} in microseconds; node JVMs are given the launcher's. */
    public static final String SPIN_PROPERTY = "asfast.live.spinMicros";
    /**
     * How long a loop polls its socket before it waits in the kernel, unless {@link #spin} says otherwise. A thread
     * blocked in epoll costs the sender a wake-up and the receiver its scheduling on every message: on this 2-core
     * machine a null round trip took 12.6 us with both sides waiting in a Selector against 5.9 us with both polling
     * (tools/live/stages.sh, channel-select vs channel). Polling for 50 us covers the gap between one message of a
     * call and the next, and bounds what an idle node burns after each message.
     *
     * <p>The loop yields its CPU (sched_yield) between polls. Nodes that block now and then, unlike the C floor's
     * processes, are often woken on their waker's CPU and end up sharing one: polling without yielding, each then
     * burned its whole spin before the other ran (115 us a round trip at a load of 7-11; 42 us yielding only after
     * 15 us of polling), while yielding at every poll gave 11.6 us. On an idle CPU the yield returns at once.
     *
     * <p>Read when asked, not when the class loads: a bad {@link #SPIN_PROPERTY} is then a {@link LiveException} for the
     * command that reads it first, one line, not an ExceptionInInitializerError.
     */
    public static Duration defaultSpin() {
        return spinFromProperty(System.getProperty(SPIN_PROPERTY));
    }

    /** The longest spin {@link #SPIN_PROPERTY} may set: a second, far beyond any gap between a call's messages. */
    static final int MAX_SPIN_MICROS = 1_000_000;
    /**
     * {@link #SPIN_PROPERTY}'s value as a spin: 50 us when unset; a whole number of microseconds from 0 (never spin)
     * to {@link #MAX_SPIN_MICROS}, or a {@link LiveException} saying so (not a silent default).
     */
    static Duration spinFromProperty(String value) {
        if (value == null) {
            return Duration.ofNanos(50_000);
        }
        int micros;
        try {
            micros = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            micros = -1;
        }
        if (micros < 0 || micros > MAX_SPIN_MICROS) {
            throw new LiveException("-D" + SPIN_PROPERTY + "=" + value + " is not a spin: give whole microseconds from 0 (never spin) to "
                    + MAX_SPIN_MICROS + ", or leave it unset for 50");
        }
        return Duration.ofNanos(1000L * micros);
    }

    /** Socket buffers: room for bursts of the largest messages, as far as the kernel's limits allow. */
    private static final int SOCKET_BUFFER = 4 << 20;

    private final NodeSetup setup;
    private final Node node;
    private final DatagramChannel channel;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocateDirect(65536);
    private final ByteBuffer out = ByteBuffer.allocateDirect(65536);
    private final PriorityQueue<LiveTimer> timers = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final Map<String, LiveStorage> storages = new HashMap<>();
    private final RandomGenerator random;
    private final FaultLayer faults;
    private InetSocketAddress[] peers = new InetSocketAddress[0];
    private long timerOrder;
    private long spinNanos;
    /** Cancelled timers still in {@link #timers}: when they are most of it, they are cleared out at once. */
    private int cancelledQueued;
    /**
     * Whether a datagram may be waiting. A turn reads one datagram only when the socket was last seen readable, and
     * then waits in the kernel's poll, which returns at once if more are waiting: that costs one call per datagram,
     * where reading until the socket is empty would cost one more, failed, read per wake-up.
     */
    private boolean readable = true;
    private final java.util.function.Consumer<SelectionKey> becameReadable = key -> readable = true;
    private boolean started;
    private volatile boolean stopped;
    /** True while the loop waits in the selector: only then does {@link #post} need to wake it. */
    private volatile boolean waiting;
    /** The node's second thread of control, started at its first {@link #switchTo}. */
    private PartnerThread partner;
    /** The calling thread held on its CPU, with the threads it starts, from the first switchTo or createThread until close. */
    private CpuPin pin;

    // Counters, read through load().
    private long received;
    private long sent;
    private long bytesIn;
    private long bytesOut;
    private long handlers;
    private long stray;
    private long sendBufferFull;
    private final long[] kindNanos = new long[Work.values().length + 1]; // the last slot: unclassified
    private final double[] kindInstructions = new double[Work.values().length];
    // The handler running now: when its current stretch began, and of what kind (-1: none yet, UNCLASSIFIED).
    private boolean inHandler;
    private long stretchStart;
    private int stretchKind;

    private LiveNode(NodeSetup setup, Node node, DatagramChannel channel, Selector selector, Duration spin) {
        this.setup = setup;
        this.spinNanos = spin.toNanos();
        this.node = node;
        this.channel = channel;
        this.selector = selector;
        this.random = new SplittableRandom(setup.seed() * 0x9E3779B97F4A7C15L + setup.id());
        this.faults = FaultLayer.of(setup.faults(), setup.id());
    }

    /**
     * Binds the node's socket on 127.0.0.1 at {@code setup.port()} (0: any free port) and creates its scratch
     * folder. A busy port is a {@link LiveException} with a one-line message.
     */
    public static LiveNode open(NodeSetup setup, Node node) {
        Duration spin = defaultSpin(); // before the socket: a bad property leaves nothing to close
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            trySetBuffer(channel, StandardSocketOptions.SO_RCVBUF);
            trySetBuffer(channel, StandardSocketOptions.SO_SNDBUF);
            try {
                channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), setup.port()));
            } catch (BindException e) {
                throw new LiveException("node " + setup.id() + ": UDP port " + setup.port()
                        + " on 127.0.0.1 is busy (another program uses it); choose another port, or 0 for any free one");
            }
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            Files.createDirectories(setup.scratch());
            return new LiveNode(setup, node, channel, selector, spin);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("node " + setup.id() + ": cannot open its socket: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void trySetBuffer(DatagramChannel channel, java.net.SocketOption<Integer> option) throws IOException {
        channel.setOption(option, SOCKET_BUFFER); // the kernel caps it at net.core.[rw]mem_max; that is fine
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was sent yet; closing is best effort
            }
        }
    }

    /** The port this node's socket is bound to (the one chosen, when set up with port 0). */
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This node's socket address, for other nodes' address tables. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** Gives the address of every node of the system, this one included; node {@code i} is {@code table.get(i)}. */
    public void connect(Map<Integer, InetSocketAddress> table) {
        InetSocketAddress[] next = new InetSocketAddress[table.isEmpty() ? 0 : 1 + table.keySet().stream().mapToInt(i -> i).max().orElseThrow()];
        table.forEach((id, address) -> next[id] = address);
        peers = next;
    }

    /** Calls the node's {@link Node#start} (once); messages and timers are delivered only after this. */
    public void start() {
        if (started) {
            throw new IllegalStateException("node " + self() + " was started already");
        }
        started = true;
        beginHandler();
        try {
            node.start(this);
        } finally {
            endHandler();
        }
    }

    /**
     * Lets the loop poll its socket without blocking for up to {@code spin} before it waits in the kernel.
     * Spinning saves the wake-up of a blocked thread on each message, at the price of a busy CPU; 0 never spins
     * ({@link #defaultSpin} by default).
     */
    public void spin(Duration spin) {
        this.spinNanos = spin.toNanos();
    }

    /** Runs the loop on the calling thread until {@link #stop} is called (from any thread). */
    public void run() {
        while (!stopped) {
            turn(Long.MAX_VALUE, null);
        }
    }

    /**
     * Runs the loop on the calling thread until {@code done} holds, checked after every event, or until
     * {@code timeout} passes. Returns whether {@code done} holds.
     */
    public boolean runUntil(BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - deadline >= 0 || stopped) {
                return done.getAsBoolean();
            }
            turn(deadline, done);
        }
        return true;
    }

    /** Makes {@link #run} return; callable from any thread. */
    public void stop() {
        stopped = true;
        selector.wakeup();
    }

    /** Runs {@code task} on the loop's thread at its next turn; callable from any thread. */
    public void post(Runnable task) {
        posted.add(task);
        if (waiting) {
            selector.wakeup(); // only a loop blocked in the kernel needs it: a wake-up costs the poster and the loop a system call each
        }
    }

    /** The node's counters so far (call on the loop's thread, or {@link #post} a call). */
    public Load load() {
        Map<String, Long> c = new TreeMap<>();
        c.put("received", received);
        c.put("sent", sent);
        c.put("bytes_in", bytesIn);
        c.put("bytes_out", bytesOut);
        c.put("handlers", handlers);
        c.put("stray", stray);
        c.put("send_buffer_full", sendBufferFull);
        for (Work kind : Work.values()) {
            c.put("nanos." + kind, kindNanos[kind.ordinal()]);
            c.put("instructions." + kind, Math.round(kindInstructions[kind.ordinal()]));
        }
        c.put("nanos.UNCLASSIFIED", kindNanos[Work.values().length]);
        faults.count(c);
        return new Load(new TreeMap<>(c));
    }

    /** The node's class instance (for an in-process node, so its caller can read what it did). */
    public Node node() {
        return node;
    }

    @Override
    public void close() {
        stopped = true;
        if (partner != null) {
            partner.close();
        }
        for (LiveStorage storage : storages.values()) {
            try {
                storage.close();
            } catch (IOException ignored) {
                // closing a file we only wrote through the channel; nothing to recover
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // the channel is closed next either way
        }
        closeQuietly(channel);
        if (pin != null) {
            pin.close(); // the partner is told to end; the caller gets its CPUs back
        }
    }

    // ---- NodeContext

    @Override
    public int self() {
        return setup.id();
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public void send(int to, byte[] message) {
        if (to < 0 || to >= peers.length || peers[to] == null) {
            throw new IllegalArgumentException("node " + self() + " sent to node " + to + ", which is not in its address table " + Arrays.toString(peers));
        }
        if (message.length > MAX_MESSAGE) {
            throw new IllegalArgumentException("node " + self() + " sent " + message.length + " bytes; a datagram holds at most " + MAX_MESSAGE);
        }
        faults.send(this, to, message);
    }

    /** Puts one datagram on the wire now; the fault layer calls this once, twice, later, or never. */
    void transmit(int to, byte[] message) {
        out.clear();
        out.putInt(setup.runTag()).putInt(setup.id()).put(message).flip();
        try {
            if (channel.send(out, peers[to]) == 0) {
                sendBufferFull++; // the kernel had no room: a lost datagram, as on a real network
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("node " + self() + ": sending to node " + to + " failed: " + e.getMessage(), e);
        }
        sent++;
        bytesOut += message.length;
    }

    @Override
    public Timer after(long delayNanos, Runnable action) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("a timer's delay must be >= 0 ns, not " + delayNanos);
        }
        return schedule(delayNanos, action, true);
    }

    /** A timer of the runtime itself (a delayed datagram): not a handler of the node, so not counted as one. */
    void later(long delayNanos, Runnable action) {
        schedule(delayNanos, action, false);
    }

    private LiveTimer schedule(long delayNanos, Runnable action, boolean handler) {
        LiveTimer timer = new LiveTimer(System.nanoTime() + delayNanos, timerOrder++, action, handler);
        timers.add(timer);
        return timer;
    }

    @Override
    public void work(Work kind, double instructions) {
        kindInstructions[kind.ordinal()] += instructions;
        if (inHandler) {
            long now = System.nanoTime();
            kindNanos[stretchKind] += now - stretchStart;
            stretchStart = now;
            stretchKind = kind.ordinal();
        }
    }

    @Override
    public double parameter(String name) {
        Double value = setup.parameters().get(name);
        if (value == null) {
            throw new IllegalArgumentException("node " + self() + " has no parameter '" + name + "'; it was given "
                    + new TreeMap<>(setup.parameters()).keySet());
        }
        return value;
    }

    @Override
    public Storage storage(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("storage name '" + name + "' must be letters, digits, '.', '_' or '-', not starting with '.'");
        }
        return storages.computeIfAbsent(name, n -> new LiveStorage(this, setup.scratch().resolve(n)));
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    /** Live: {@code body} runs on the node's second thread while this one sleeps ({@link PartnerThread}). */
    @Override
    public void switchTo(Runnable body) {
        if (partner == null) {
            pinCaller(); // first: the partner, started next, inherits the caller's one CPU
            partner = new PartnerThread("node-" + self() + "-partner");
        }
        partner.run(body);
    }

    /** Live: a new thread of this process runs {@code body}; this one waits for it to end. */
    @Override
    public void createThread(Runnable body) {
        pinCaller(); // the new thread inherits the caller's one CPU
        PartnerThread.createAndJoin("node-" + self() + "-thread", body);
    }

    /** Once per node: before it, no thread is held; if it fails, none is. */
    private void pinCaller() {
        if (pin == null) {
            pin = CpuPin.here();
        }
    }

    /** The CPU the node's threads are held on, or -1 before the first switchTo or createThread (for tests). */
    int pinnedCpu() {
        return pin == null ? -1 : pin.cpu();
    }

    /** Timers queued, cancelled ones included (for tests). */
    int queuedTimers() {
        return timers.size();
    }

    /** True while the thread of {@link #switchTo} runs (for tests: it ends with the node). */
    boolean partnerAlive() {
        return partner != null && partner.alive();
    }

    // ---- the loop

    /** One turn: posted tasks, the datagrams waiting, the timers due; with none of those, wait for one. */
    private void turn(long deadline, BooleanSupplier done) {
        boolean progress = runPosted() | (readable && drain()) | runDueTimers(done);
        if (progress || (done != null && done.getAsBoolean())) {
            return;
        }
        long now = System.nanoTime();
        LiveTimer next = timers.peek();
        long until = next == null ? deadline : Math.min(deadline, next.deadline);
        if (until - now <= 0) {
            return;
        }
        if (spinNanos > 0) {
            long spinUntil = now + Math.min(spinNanos, until - now);
            while (System.nanoTime() - spinUntil < 0) {
                if (drain() || !posted.isEmpty()) {
                    return;
                }
                Thread.yield(); // a peer node on this CPU runs now, not after our spin (defaultSpin)
            }
            now = System.nanoTime();
            if (until - now <= 0) {
                return;
            }
        }
        waiting = true; // before the check of posted, so that post() either is seen here or sees this and wakes the selector
        try {
            if (!posted.isEmpty()) {
                return;
            }
            long millis = until == Long.MAX_VALUE ? 0 : Math.max(1, (until - now + 999_999) / 1_000_000);
            selector.select(becameReadable, millis);
        } catch (IOException e) {
            throw new UncheckedIOException("node " + self() + ": waiting on its socket failed: " + e.getMessage(), e);
        } finally {
            waiting = false;
        }
    }

    private boolean runPosted() {
        boolean any = false;
        Runnable task;
        while ((task = posted.poll()) != null) {
            any = true;
            task.run();
        }
        return any;
    }

    /** Reads one datagram, if one is waiting, and runs its handler; true if one was read. */
    private boolean drain() {
        readable = false;
        in.clear();
        try {
            if (channel.receive(in) == null) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("node " + self() + ": receiving failed: " + e.getMessage(), e);
        }
        in.flip();
        if (in.remaining() < HEADER || in.getInt() != setup.runTag()) {
            stray++;
            return true;
        }
        int from = in.getInt();
        byte[] message = new byte[in.remaining()];
        in.get(message);
        received++;
        bytesIn += message.length;
        if (!started) {
            return true; // no handler may run before start(); the sender's protocol retransmits
        }
        beginHandler();
        try {
            node.receive(from, message);
        } finally {
            endHandler();
        }
        return true;
    }

    private boolean runDueTimers(BooleanSupplier done) {
        boolean any = false;
        long now = System.nanoTime();
        LiveTimer timer;
        while ((timer = timers.peek()) != null && timer.deadline - now <= 0) {
            timers.poll();
            if (timer.cancelled) {
                cancelledQueued--;
                continue;
            }
            any = true;
            timer.fired = true;
            if (!timer.handler) {
                timer.action.run();
                continue;
            }
            beginHandler();
            try {
                timer.action.run();
            } finally {
                endHandler();
            }
            if (done != null && done.getAsBoolean()) {
                break;
            }
        }
        return any;
    }

    private void beginHandler() {
        inHandler = true;
        stretchStart = System.nanoTime();
        stretchKind = Work.values().length;
    }

    private void endHandler() {
        kindNanos[stretchKind] += System.nanoTime() - stretchStart;
        inHandler = false;
        handlers++;
    }

    /**
     * A cancelled timer stays queued until its deadline: a retransmission timer per call, cancelled microseconds
     * later, would otherwise pile up a wait's worth of them (100 ms of null RPCs is 10,000) and outlive the young
     * generation. Clearing them out once they are half the queue costs one pass per as many cancellations.
     */
    private void cancelled() {
        cancelledQueued++;
        if (cancelledQueued > 64 && 2 * cancelledQueued > timers.size()) {
            timers.removeIf(t -> t.cancelled);
            cancelledQueued = 0;
        }
    }

    private final class LiveTimer implements Timer, Comparable<LiveTimer> {
        final long deadline;
        final long order;
        final Runnable action;
        final boolean handler;
        boolean cancelled;
        boolean fired;

        LiveTimer(long deadline, long order, Runnable action, boolean handler) {
            this.deadline = deadline;
            this.order = order;
            this.action = action;
            this.handler = handler;
        }

        @Override
        public void cancel() {
            if (!cancelled && !fired) {
                cancelled = true;
                cancelled();
            }
        }

        @Override
        public boolean fired() {
            return fired;
        }

        @Override
        public int compareTo(LiveTimer o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
