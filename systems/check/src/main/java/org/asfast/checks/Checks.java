package org.asfast.checks;

import java.util.List;
import org.asfast.check.ControlledNetwork.Crash;
import org.asfast.check.Explorer;
import org.asfast.check.Explorer.Bounds;
import org.asfast.check.Scenario;

/** The configurations {@code asfast check} searches, each with its bounds and what the search should find. */
public final class Checks {
    private static final long MAX_STATES = 2_000_000;

    /**
     * One configuration: the system, a name, what it checks, the scenario, its bounds, and null if every
     * invariant should hold or the one-line reason a known violation is expected.
     */
    public record Check(String system, String name, String what, Scenario scenario, Bounds bounds, String expectedViolation) {
        public Explorer.Result run() {
            return Explorer.explore(scenario, bounds);
        }

        /** True when the search found what it should: no violation, or the expected one. */
        public boolean asExpected(Explorer.Result result) {
            return (expectedViolation == null) == result.holds();
        }
    }

    private Checks() {
    }

    /** Every configuration, in the order they are reported. */
    public static List<Check> all() {
        return List.of(
                new Check("rpc", "2 clients x 1 call",
                        "RequestReply: each call executes at most once, every completed call gets its own reply",
                        new AtMostOnceRpc(2, 1, Crash.NEVER, false, AtMostOnceRpc.Server::new), new Bounds(16, 1, 0, MAX_STATES), null),
                new Check("rpc", "1 client x 2 calls",
                        "the same, with the server forgetting replies the caller acknowledged",
                        new AtMostOnceRpc(1, 2, Crash.NEVER, false, AtMostOnceRpc.Server::new), new Bounds(16, 1, 0, MAX_STATES), null),
                new Check("rpc", "1 client x 2 calls, server restarts",
                        "at most once per server incarnation across one crash point anywhere",
                        new AtMostOnceRpc(1, 2, Crash.RESTARTS, true, AtMostOnceRpc.Server::new), new Bounds(16, 1, 1, MAX_STATES), null),
                new Check("rpc", "1 client x 2 calls, at most once across the restart",
                        "at most once in all: RequestReply keeps its reply cache in memory, so it does not hold",
                        new AtMostOnceRpc(1, 2, Crash.RESTARTS, false, AtMostOnceRpc.Server::new), new Bounds(16, 1, 1, MAX_STATES),
                        "RequestReply's documented limit: a call in flight across a server restart may run twice"));
    }
}
