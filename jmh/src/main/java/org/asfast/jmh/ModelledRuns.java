package org.asfast.jmh;

import java.util.Map;

/**
 * How modelled platforms are run. Their time is virtual, so one warm-up batch and one measured batch
 * of fixed size give the answer; more iterations would give the same figure again. JMH runs them in
 * its own JVM with these batch sizes, and {@code asfast model} runs the same counts directly.
 */
public final class ModelledRuns {
    private static final Map<String, int[]> COUNTS = Map.of(
            "getpid", new int[] {10, 100},
            "cswitch", new int[] {10, 100},
            "select", new int[] {10, 100},
            "bcopy", new int[] {2, 10},
            "read", new int[] {10, 100},
            "open-close", new int[] {10, 100},
            "create-delete", new int[] {10, 50},
            "andrew", new int[] {1, 1});

    private ModelledRuns() {
    }

    /** {warm-up operations, measured operations} for a benchmark. */
    public static int[] counts(String benchmark) {
        int[] counts = COUNTS.get(benchmark);
        if (counts == null) {
            throw new IllegalArgumentException("no modelled run counts for " + benchmark);
        }
        return counts.clone();
    }
}
