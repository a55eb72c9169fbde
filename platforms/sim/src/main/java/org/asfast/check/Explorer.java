package org.asfast.check;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.asfast.check.ControlledNetwork.Choice;

/**
 * Searches every order in which a scenario's datagrams may arrive, be duplicated, its timers fire and its nodes
 * crash, breadth first, up to a bound on the number of events, and checks the scenario's invariants after every
 * event. A state met before (same fingerprint of every node's objects, the datagrams in flight, the timers and
 * the budgets left) is not explored again, so orders that commute are explored once; breadth first, it was first
 * met by one of its shortest paths, so a violation comes with one of its shortest traces.
 *
 * <p>Node objects cannot be copied in general (they hold lambdas and timers), so going back to a state means
 * building the scenario afresh and replaying the choices that led to it; the scenario is deterministic, and the
 * replay checks that it made the same choices available.
 */
public final class Explorer {

    /**
     * How far to look: at most {@code depth} events per execution, {@code drops} datagrams lost explicitly (needed
     * only where timers wait for a quiet network: elsewhere a datagram never delivered is lost), {@code duplicates}
     * delivered twice and {@code crashes} crashes in each, and at most {@code maxStates} distinct states in all.
     */
    public record Bounds(int depth, int drops, int duplicates, int crashes, long maxStates) {
        public Bounds {
            if (depth < 1 || drops < 0 || duplicates < 0 || crashes < 0 || maxStates < 1) {
                throw new IllegalArgumentException("bounds need depth >= 1, drops, duplicates and crashes >= 0, and maxStates >= 1");
            }
        }

        @Override
        public String toString() {
            return "depth " + depth + (drops > 0 ? ", " + drops + " drop" : "") + ", " + duplicates + " dup, " + crashes + " crash";
        }
    }

    /** An invariant that failed, and the events that led there from the start. */
    public record Violation(String invariant, List<String> trace) {
        /** The trace as numbered lines, then the invariant that failed. */
        public String render() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < trace.size(); i++) {
                out.append(String.format(Locale.ROOT, "%3d. %s%n", i + 1, trace.get(i)));
            }
            return out.append("  violated: ").append(invariant).toString();
        }
    }

    /**
     * What a search found: {@code states} distinct states (the first included), {@code transitions} events taken,
     * {@code cut} states left unexplored at the depth bound (0: the bounded space was covered), whether the
     * state limit stopped it, and the first violation, if any.
     */
    public record Result(long states, long transitions, long cut, boolean stoppedAtLimit, Duration time, Violation violation) {
        public boolean holds() {
            return violation == null;
        }
    }

    private final Scenario scenario;
    private final Bounds bounds;
    private final Set<Long> seen = new HashSet<>();
    private long transitions;
    private long cut;
    private Violation violation;

    private Explorer(Scenario scenario, Bounds bounds) {
        this.scenario = scenario;
        this.bounds = bounds;
    }

    /** Explores {@code scenario} within {@code bounds}; stops at the first violation, which is one of the fewest events. */
    public static Result explore(Scenario scenario, Bounds bounds) {
        long start = System.nanoTime();
        Explorer explorer = new Explorer(scenario, bounds);
        boolean limited = false;
        try {
            explorer.search();
        } catch (StateLimit e) {
            limited = true;
        }
        return new Result(Math.min(explorer.seen.size(), bounds.maxStates), explorer.transitions, explorer.cut, limited,
                Duration.ofNanos(System.nanoTime() - start), explorer.violation);
    }

    /** A state to expand: the choices that lead to it from the start, and a signature of what it offered, to check the replay by. */
    private record Pending(int[] path, int offered) {
    }

    /** Breadth first, so that a violation is found by one of its shortest traces. */
    private void search() {
        Execution root = new Execution(new int[0]);
        if (root.failed != null) {
            violation = new Violation(root.failed, List.of());
            return;
        }
        ArrayDeque<Pending> queue = new ArrayDeque<>();
        seen.add(root.fingerprint());
        queue.add(new Pending(new int[0], labels(root.network.choices())));
        while (!queue.isEmpty()) {
            Pending state = queue.poll();
            Execution parent = new Execution(state.path);
            List<Choice> choices = parent.network.choices();
            if (labels(choices) != state.offered) {
                throw new IllegalStateException("the scenario is not deterministic: replaying " + String.join("; ", parent.trace)
                        + " offered other choices than before (" + choices.stream().map(Choice::label).toList()
                        + "); build it without clocks, identity hashes or state shared between builds");
            }
            if (!choices.isEmpty() && state.path.length == bounds.depth) {
                cut++;
                continue;
            }
            for (int i = 0; i < choices.size(); i++) {
                Execution child = i == 0 ? parent : new Execution(state.path);
                Choice choice = child.network.choices().get(i);
                child.take(choice);
                transitions++;
                if (child.failed != null) {
                    violation = new Violation(child.failed, List.copyOf(child.trace));
                    return;
                }
                if (seen.add(child.fingerprint())) {
                    if (seen.size() > bounds.maxStates) {
                        throw new StateLimit();
                    }
                    int[] path = Arrays.copyOf(state.path, state.path.length + 1);
                    path[state.path.length] = i;
                    queue.add(new Pending(path, labels(child.network.choices())));
                }
            }
        }
    }

    /** A signature of the choices a state offers (their labels), kept instead of the labels to save memory. */
    private static int labels(List<Choice> choices) {
        return choices.stream().map(Choice::label).toList().hashCode();
    }

    /** One execution: the scenario built afresh and replayed along {@code path}, with the trace of what it did. */
    private final class Execution {
        final ControlledNetwork network = new ControlledNetwork(bounds.drops, bounds.duplicates, bounds.crashes);
        final List<String> trace = new ArrayList<>();
        Scenario.Invariants invariants;
        String failed;

        Execution(int[] path) {
            try {
                invariants = scenario.build(network);
                network.describeWith(invariants::describe);
                check();
            } catch (RuntimeException e) {
                failed = thrown(e);
                return;
            }
            for (int choice : path) {
                take(network.choices().get(choice));
            }
        }

        void take(Choice choice) {
            trace.add(choice.label());
            try {
                network.take(choice);
                check();
            } catch (RuntimeException e) {
                failed = thrown(e);
            }
        }

        private void check() {
            failed = invariants.violation();
            if (failed == null && network.choices().isEmpty()) {
                failed = invariants.atEnd();
            }
        }

        long fingerprint() {
            return network.fingerprint(invariants);
        }
    }

    private static String thrown(RuntimeException e) {
        return "a handler threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static final class StateLimit extends RuntimeException {
        StateLimit() {
            super(null, null, false, false);
        }
    }

    /** A one-line summary: states, events, what was cut, time, verdict. */
    public static String summary(Result r) {
        return String.format(Locale.ROOT, "%d states, %d events, %d cut at the depth bound%s, %.2f s: %s",
                r.states(), r.transitions(), r.cut(), r.stoppedAtLimit() ? ", stopped at the state limit" : "",
                r.time().toNanos() / 1e9, r.holds() ? "invariants hold" : "VIOLATION");
    }
}
