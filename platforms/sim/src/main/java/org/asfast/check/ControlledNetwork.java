package org.asfast.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Storage;
import org.asfast.nodes.Timer;
import org.asfast.nodes.Work;

/**
 * The runtime a system's nodes run on while they are checked: instead of a network's timing, the datagrams in
 * flight and the timers due are a set of choices, and nothing happens until the search takes one. Taking a
 * choice runs the real handler: a datagram is delivered (any one in flight, so any order), delivered while a copy
 * stays in flight (a duplicate), a node's next timer fires, or a node crashes. A datagram that is never taken is
 * one the network lost, so every pattern of loss is among the orders explored without a choice of its own.
 *
 * <p>Each node has a clock that only its timers move: a timer fires at its deadline, and a node's timers fire in
 * the order of their deadlines (ties in the order they were set, as in the simulation kernel); between a node's
 * timers any number of datagrams may arrive. Storage completes on the next turn of the node's loop (a timer due
 * at once); its contents survive a crash. Handlers' CPU work is not charged: time is not what is checked.
 */
public final class ControlledNetwork {

    /** What a crash does to a node. */
    public enum Crash {
        /** The node never crashes. */
        NEVER,
        /** The node stops for good: its timers go and datagrams to it are lost. */
        STOPS,
        /** The node restarts at once as a fresh instance (memory lost, storage kept); datagrams in flight to it still arrive. */
        RESTARTS
    }

    /** One thing the search may make happen next, with how a trace shows it. */
    public record Choice(Kind kind, int target, String label) {
    }

    enum Kind { DELIVER, DROP, DUPLICATE, TIMER, CRASH }

    private record Datagram(int from, int to, byte[] bytes) {
        boolean same(Datagram other) {
            return from == other.from && to == other.to && Arrays.equals(bytes, other.bytes);
        }
    }

    private final List<Member> members = new ArrayList<>();
    private final List<Datagram> inFlight = new ArrayList<>();
    private Function<byte[], String> describe;
    private int dropsLeft;
    private int duplicatesLeft;
    private int crashesLeft;
    private boolean inOrder;
    private boolean timeoutsWhenQuiet;
    private boolean clocksInStep;
    private long timersSet;

    ControlledNetwork(int drops, int duplicates, int crashes) {
        this.dropsLeft = drops;
        this.duplicatesLeft = duplicates;
        this.crashesLeft = crashes;
    }

    void describeWith(Function<byte[], String> describe) {
        this.describe = describe;
    }

    /** Adds a node that never crashes and starts it; returns its address. */
    public int add(Node node, Map<String, Double> parameters) {
        return add(() -> node, parameters, Crash.NEVER);
    }

    /** Adds a node made by {@code node} (called again for each restart) and starts it; returns its address. */
    public int add(Supplier<? extends Node> node, Map<String, Double> parameters, Crash crash) {
        Member m = new Member(members.size(), node, Map.copyOf(parameters), crash);
        members.add(m);
        m.start();
        return m.address;
    }

    /**
     * Declares that datagrams from one node to another arrive in the order sent (an ATM virtual circuit), if at
     * all: only the oldest in flight on each link may be delivered. Without it any datagram in flight may arrive next.
     */
    public void keepOrderPerLink() {
        inOrder = true;
    }

    /**
     * Declares that the system's timeouts are longer than any datagram's delay or disk's access: a timer set for
     * later fires only when no datagram is in flight and no node has a timer set for now, such as a disk's
     * completion (which fires any time). A timeout then
     * suspects only a node that crashed or a datagram that was lost, which the search must then drop explicitly
     * (within its drop budget). Without it a timer may fire while datagrams are still on their way, as in a
     * network with no bound on delays.
     */
    public void timeoutsWhenQuiet() {
        timeoutsWhenQuiet = true;
    }

    /**
     * Declares that the nodes' clocks agree (they run at one rate from one start, as leases assume): a timer fires
     * only when no node has a timer due earlier, and every node's clock moves to its deadline. Datagrams still take
     * any time: with this alone, a timeout may fire while the answer it waits for is on its way.
     */
    public void clocksInStep() {
        clocksInStep = true;
    }

    /** Runs {@code action} now as a handler of the node (what its clients start with). */
    public void invoke(int address, Runnable action) {
        members.get(address).run(action);
    }

    /**
     * Runs the nodes until no datagram is in flight and no timer is set, in one order (datagrams as sent, then the
     * earliest timer): for a start-up that is not what is checked, so that the search begins after it.
     */
    public void settle() {
        for (int steps = 0; ; steps++) {
            if (steps == 100_000) {
                throw new IllegalStateException("the nodes did not settle within 100000 events; settle only a start-up that ends");
            }
            if (!inFlight.isEmpty()) {
                deliver(inFlight.removeFirst());
                continue;
            }
            Member next = null;
            for (Member m : members) {
                PendingTimer t = m.nextTimer();
                if (t != null && (next == null || t.deadline < next.nextTimer().deadline)) {
                    next = m;
                }
            }
            if (next == null) {
                return;
            }
            fire(next);
        }
    }

    private void fire(Member m) {
        m.fireNextTimer();
        if (clocksInStep) {
            members.forEach(other -> other.clock = m.clock);
        }
    }

    /** The node's current instance (a fresh one after each restart). */
    public Node node(int address) {
        return members.get(address).node;
    }

    /** How many times the node has crashed. */
    public int crashes(int address) {
        return members.get(address).crashes;
    }

    /** True unless the node has crashed and stopped. */
    public boolean up(int address) {
        return members.get(address).up;
    }

    /** What may happen next, in a fixed order: deliveries and duplicates in the order sent, timers, crashes. */
    List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < inFlight.size(); i++) {
            Datagram d = inFlight.get(i);
            if (firstOfItsKind(i)) {
                String what = d.from + "→" + d.to + " " + describe.apply(d.bytes);
                choices.add(new Choice(Kind.DELIVER, i, "deliver " + what));
                if (dropsLeft > 0) {
                    choices.add(new Choice(Kind.DROP, i, "drop " + what));
                }
                if (duplicatesLeft > 0) {
                    choices.add(new Choice(Kind.DUPLICATE, i, "duplicate " + what));
                }
            }
        }
        boolean quiet = inFlight.isEmpty() && members.stream().noneMatch(Member::busy);
        long earliest = Long.MAX_VALUE;
        for (Member m : members) {
            PendingTimer next = m.nextTimer();
            earliest = next == null ? earliest : Math.min(earliest, next.deadline);
        }
        for (Member m : members) {
            PendingTimer next = m.nextTimer();
            if (next != null && (!timeoutsWhenQuiet || next.deadline == m.clock || quiet) && (!clocksInStep || next.deadline == earliest)) {
                choices.add(new Choice(Kind.TIMER, m.address, "timer of node " + m.address + " fires at "
                        + next.deadline / 1_000_000.0 + " ms"));
            }
        }
        if (crashesLeft > 0) {
            for (Member m : members) {
                if (m.crash != Crash.NEVER && m.up) {
                    choices.add(new Choice(Kind.CRASH, m.address, "crash node " + m.address
                            + (m.crash == Crash.RESTARTS ? " (it restarts with its memory lost)" : " (it stays down)")));
                }
            }
        }
        return choices;
    }

    /** Identical datagrams in flight lead to the same state: offer only the first; in order, only a link's oldest. */
    private boolean firstOfItsKind(int index) {
        Datagram d = inFlight.get(index);
        for (int i = 0; i < index; i++) {
            Datagram earlier = inFlight.get(i);
            if (earlier.same(d) || inOrder && earlier.from == d.from && earlier.to == d.to) {
                return false;
            }
        }
        return true;
    }

    /** Makes the choice happen, running the handlers it calls for. */
    void take(Choice choice) {
        switch (choice.kind) {
            case DELIVER -> deliver(inFlight.remove(choice.target));
            case DROP -> {
                dropsLeft--;
                inFlight.remove(choice.target);
            }
            case DUPLICATE -> {
                duplicatesLeft--;
                deliver(inFlight.get(choice.target));
            }
            case TIMER -> fire(members.get(choice.target));
            case CRASH -> {
                crashesLeft--;
                members.get(choice.target).crash();
            }
        }
    }

    private void deliver(Datagram d) {
        Member to = members.get(d.to);
        to.run(() -> to.node.receive(d.from, d.bytes.clone()));
    }

    /** A fingerprint of the whole state: every node's objects and timers, the datagrams in flight, what is left to spend. */
    long fingerprint(Object observer) {
        Map<Object, Long> contexts = new IdentityHashMap<>();
        contexts.put(this, -1L); // a scenario's objects may hold the network; its state is hashed below
        for (Member m : members) {
            contexts.put(m, (long) m.address);
        }
        StateHash hash = new StateHash(contexts);
        long h = StateHash.mix((dropsLeft * 1_000_003L + duplicatesLeft) * 1_000_003L + crashesLeft);
        for (Member m : members) {
            h = StateHash.mix(h * 31 + (m.up ? 1 : 2) + 4L * m.crashes);
            h = StateHash.mix(h * 31 + m.clock);
            h = StateHash.mix(h * 31 + m.random.state);
            h = StateHash.mix(h * 31 + hash.of(m.node));
            h = StateHash.mix(h * 31 + hash.of(m.storage));
            for (PendingTimer t : m.timers) {
                h = StateHash.mix(h * 31 + t.deadline);
                h = StateHash.mix(h * 31 + hash.of(t.action));
            }
        }
        long datagrams = 0;
        Map<Long, Integer> queued = new HashMap<>();
        for (Datagram d : inFlight) { // a multiset (with each one's place on its link when links keep order)
            long link = d.from * 65_537L + d.to;
            int place = inOrder ? queued.merge(link, 1, Integer::sum) : 0;
            datagrams += StateHash.mix(link + 31L * Arrays.hashCode(d.bytes) + d.bytes.length + 0x1_0000_0000L * place);
        }
        h = StateHash.mix(h ^ datagrams);
        return StateHash.mix(h * 31 + hash.of(observer));
    }

    private final class PendingTimer implements Timer {
        final long deadline;
        final long order;
        final Runnable action;
        final Member owner;
        boolean fired;

        PendingTimer(Member owner, long deadline, Runnable action) {
            this.owner = owner;
            this.deadline = deadline;
            this.order = timersSet++;
            this.action = action;
        }

        @Override
        public void cancel() {
            owner.timers.remove(this);
        }

        @Override
        public boolean fired() {
            return fired;
        }
    }

    private final class Member implements NodeContext {
        final int address;
        final Supplier<? extends Node> factory;
        final Map<String, Double> parameters;
        final Crash crash;
        final List<PendingTimer> timers = new ArrayList<>();
        final Map<String, MemoryStorage> storage = new HashMap<>();
        final SplitMix random;
        Node node;
        boolean up = true;
        int crashes;
        long clock;

        Member(int address, Supplier<? extends Node> factory, Map<String, Double> parameters, Crash crash) {
            this.address = address;
            this.factory = factory;
            this.parameters = parameters;
            this.crash = crash;
            this.random = new SplitMix(31L * address + 17);
        }

        void start() {
            node = factory.get();
            run(() -> node.start(this));
        }

        void run(Runnable handler) {
            if (up) {
                handler.run();
            }
        }

        PendingTimer nextTimer() {
            PendingTimer next = null;
            for (PendingTimer t : timers) {
                if (next == null || t.deadline < next.deadline || (t.deadline == next.deadline && t.order < next.order)) {
                    next = t;
                }
            }
            return next;
        }

        /** True while a timer set for now (a disk's completion, the next turn of the loop) is pending. */
        boolean busy() {
            PendingTimer next = nextTimer();
            return next != null && next.deadline == clock;
        }

        void fireNextTimer() {
            PendingTimer t = nextTimer();
            timers.remove(t);
            clock = Math.max(clock, t.deadline);
            t.fired = true;
            run(t.action);
        }

        void crash() {
            crashes++;
            timers.clear();
            if (crash == Crash.STOPS) {
                up = false;
                inFlight.removeIf(d -> d.to == address);
                return;
            }
            start();
        }

        @Override
        public int self() {
            return address;
        }

        @Override
        public long nanos() {
            return clock;
        }

        @Override
        public void send(int to, byte[] message) {
            if (to < 0 || to >= members.size()) {
                throw new IllegalArgumentException("node " + address + " sent to node " + to + ", which does not exist");
            }
            if (members.get(to).up) {
                inFlight.add(new Datagram(address, to, message.clone()));
            }
        }

        @Override
        public Timer after(long delayNanos, Runnable action) {
            PendingTimer t = new PendingTimer(this, clock + Math.max(0, delayNanos), action);
            timers.add(t);
            return t;
        }

        @Override
        public void work(Work kind, double instructions) {
            // time is not what is checked
        }

        @Override
        public double parameter(String name) {
            Double value = parameters.get(name);
            if (value == null) {
                throw new IllegalStateException("node " + address + " (" + node.getClass().getSimpleName() + ") has no parameter '" + name + "'; give it to the checked configuration");
            }
            return value;
        }

        @Override
        public Storage storage(String name) {
            return storage.computeIfAbsent(name, n -> new MemoryStorage(this));
        }

        @Override
        public RandomGenerator random() {
            return random;
        }
    }

    /** A node's random stream whose whole state is one long, so that a fingerprint can include it (SplitMix64). */
    private static final class SplitMix implements RandomGenerator {
        long state;

        SplitMix(long seed) {
            state = seed;
        }

        @Override
        public long nextLong() {
            return StateHash.mix(state += 0x9E3779B97F4A7C15L);
        }
    }

    /** A node's storage in memory: contents survive a crash; completions come on the node's next turn. */
    private static final class MemoryStorage implements Storage {
        private final Member owner;
        private final Map<Long, Byte> bytes = new java.util.TreeMap<>();
        private long size;

        MemoryStorage(Member owner) {
            this.owner = owner;
        }

        @Override
        public void read(long offset, int length, Consumer<byte[]> done) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = bytes.getOrDefault(offset + i, (byte) 0);
            }
            owner.after(0, () -> done.accept(data));
        }

        @Override
        public void write(long offset, byte[] data, boolean durable, Runnable done) {
            for (int i = 0; i < data.length; i++) {
                bytes.put(offset + i, data[i]);
            }
            size = Math.max(size, offset + data.length);
            owner.after(0, done);
        }

        @Override
        public long size() {
            return size;
        }
    }
}
