package org.asfast.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a history of operations on one object is linearizable (Herlihy and Wing): there is an order of them,
 * consistent with real time (an operation that returned before another was invoked comes first), in which each
 * returns what the object's sequential specification says. An operation still pending may have taken effect or not.
 * The search is Wing and Gong's, with the states it tried remembered; the histories checked here have a handful
 * of operations.
 *
 * @param <S> the object's state in the sequential specification
 */
final class Linearizability<S> {

    /** The sequential specification: from a state and an operation's input, the next state and the output. */
    interface Specification<S> {
        S initial();

        Step<S> apply(S state, Object input);
    }

    record Step<S>(S next, Object output) {
    }

    /** One operation: invoked at {@code invoked}, returned {@code output} at {@code returned} (-1: still pending). */
    record Operation(String who, Object input, Object output, long invoked, long returned) {
        boolean pending() {
            return returned < 0;
        }

        @Override
        public String toString() {
            return who + " " + input + (pending() ? " (pending)" : " -> " + output);
        }
    }

    private final Specification<S> specification;

    Linearizability(Specification<S> specification) {
        this.specification = specification;
    }

    /** The object that starts as {@code initial} and steps by {@code apply}. */
    static <S> Linearizability<S> of(S initial, java.util.function.BiFunction<S, Object, Step<S>> apply) {
        return new Linearizability<>(new Specification<>() {
            @Override
            public S initial() {
                return initial;
            }

            @Override
            public Step<S> apply(S state, Object input) {
                return apply.apply(state, input);
            }
        });
    }

    /** True if some order of the operations, consistent with real time, gives every completed one its output. */
    boolean holds(List<Operation> history) {
        if (history.size() > 30) {
            throw new IllegalArgumentException("a history of " + history.size() + " operations is too long to check by search");
        }
        return search(history, 0, specification.initial(), new HashSet<>());
    }

    private boolean search(List<Operation> history, int done, S state, Set<List<Object>> tried) {
        if (!tried.add(List.of(done, Objects.requireNonNullElse(state, "null")))) {
            return false;
        }
        boolean allCompletedPlaced = true;
        long firstReturn = Long.MAX_VALUE; // an operation invoked after this cannot go next
        for (int i = 0; i < history.size(); i++) {
            Operation op = history.get(i);
            if ((done & 1 << i) == 0 && !op.pending()) {
                allCompletedPlaced = false;
                firstReturn = Math.min(firstReturn, op.returned());
            }
        }
        if (allCompletedPlaced) {
            return true; // pending operations left out: they had not taken effect
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if ((done & 1 << i) == 0 && history.get(i).invoked() < firstReturn) {
                candidates.add(i);
            }
        }
        for (int i : candidates) {
            Operation op = history.get(i);
            Step<S> step = specification.apply(state, op.input());
            if ((op.pending() || Objects.equals(step.output(), op.output())) && search(history, done | 1 << i, step.next(), tried)) {
                return true;
            }
        }
        return false;
    }
}
