package org.asfast.checks;

import java.util.List;
import org.asfast.check.ControlledNetwork.Crash;
import org.asfast.check.Explorer;
import org.asfast.check.Explorer.Bounds;
import org.asfast.check.Scenario;
import org.asfast.checks.XfsCoherence.Fault;

/** The configurations {@code asfast check} searches, each with its bounds and what the search should find. */
public final class Checks {
    private static final long MAX_STATES = 2_000_000;

    /**
     * One configuration: the system, a name, what it checks, the scenario, its bounds, and null if every
     * invariant should hold, or why a violation is known (a documented limit, or an assumption the configuration
     * breaks on purpose) and so expected.
     */
    public record Check(String system, String name, String what, Scenario scenario, Bounds bounds, String knownViolation) {
        public Explorer.Result run() {
            return Explorer.explore(scenario, bounds);
        }

        /** True when the search found what it should: no violation, or the known one. */
        public boolean asExpected(Explorer.Result result) {
            return (knownViolation == null) == result.holds();
        }
    }

    private Checks() {
    }

    /** Every configuration, in the order they are reported. */
    public static List<Check> all() {
        return List.of(
                new Check("rpc", "2 clients x 1 call",
                        "RequestReply: each call executes at most once, every completed call gets its own reply",
                        new AtMostOnceRpc(2, 1, Crash.NEVER, false, AtMostOnceRpc.Server::new), new Bounds(16, 0, 1, 0, MAX_STATES), null),
                new Check("rpc", "1 client x 2 calls",
                        "the same, with the server forgetting replies the caller acknowledged",
                        new AtMostOnceRpc(1, 2, Crash.NEVER, false, AtMostOnceRpc.Server::new), new Bounds(16, 0, 1, 0, MAX_STATES), null),
                new Check("rpc", "1 client x 2 calls, server restarts",
                        "at most once per server incarnation across one crash point anywhere",
                        new AtMostOnceRpc(1, 2, Crash.RESTARTS, true, AtMostOnceRpc.Server::new), new Bounds(16, 0, 1, 1, MAX_STATES), null),
                new Check("rpc", "1 client x 2 calls, at most once across the restart",
                        "at most once in all: RequestReply keeps its reply cache in memory, so it does not hold",
                        new AtMostOnceRpc(1, 2, Crash.RESTARTS, false, AtMostOnceRpc.Server::new), new Bounds(16, 0, 1, 1, MAX_STATES),
                        "RequestReply's documented limit: a call in flight across a server restart may run twice"),
                new Check("sprite", "2 kernels x 1 call",
                        "Sprite's kernel RPC: each call executes at most once, every completed call gets its own reply (packets reordered, one lost, one duplicated)",
                        new SpriteRpc(2, 1), new Bounds(16, 1, 1, 0, MAX_STATES), null),
                new Check("sprite", "1 kernel x 2 calls", "the same, the channel's next request acknowledging the last reply",
                        new SpriteRpc(1, 2), new Bounds(16, 0, 1, 0, MAX_STATES), null),
                new Check("rmem", "2 machines x 2 CAS", "CAS on a shared word is linearizable (cells in order per link, lost or not)",
                        new RmemCas(2, RmemCas.META_INSTRUCTION), new Bounds(20, 0, 0, 0, MAX_STATES), null),
                new Check("rmem", "3 machines x 2 CAS", "the same with three machines",
                        new RmemCas(3, RmemCas.META_INSTRUCTION), new Bounds(20, 0, 0, 0, MAX_STATES), null),
                new Check("rmem", "2 machines x 2 CAS, a cell duplicated", "the same on a network that may deliver a cell twice",
                        new RmemCas(2, RmemCas.META_INSTRUCTION), new Bounds(20, 0, 1, 0, MAX_STATES),
                        "rmem assumes a network that delivers each cell once (paper §2); a duplicated CAS cell runs twice"),
                new Check("xfs", "2 clients, 1 block: w0 | r0 r0", "one writer at a time; reads and writes linearizable (timeouts longer than delays)",
                        xfs(List.of("w0", "r0 r0"), Fault.NONE, true), new Bounds(60, 0, 0, 0, MAX_STATES), null),
                new Check("xfs", "3 clients, 1 block: w0 | w0 | r0", "the same with two writers and a reader",
                        xfs(List.of("w0", "w0", "r0"), Fault.NONE, true), new Bounds(60, 0, 0, 0, MAX_STATES), null),
                new Check("xfs", "2 clients, 2 blocks: w0 | r0 w1 r0", "the same over two blocks",
                        xfs(List.of("w0", "r0 w1 r0"), Fault.NONE, true), new Bounds(60, 0, 0, 0, MAX_STATES), null),
                new Check("xfs", "2 clients: w0 | r0, a storage server fails", "no acknowledged block is lost: every operation finishes, with it",
                        xfs(List.of("w0", "r0"), Fault.STORAGE_SERVER_STOPS, true), new Bounds(60, 0, 0, 1, MAX_STATES), null),
                new Check("xfs", "2 clients: w0 | w0, a storage server fails",
                        "one writer at a time when a storage server fails mid-write: the manager asks the stalled writer to report, and it commits with one fragment missing",
                        xfs(List.of("w0", "w0"), Fault.STORAGE_SERVER_STOPS, true), new Bounds(60, 0, 0, 1, MAX_STATES), null),
                new Check("xfs", "2 clients: w0 | w0 r0, the first writer dies",
                        "a client that owns the block or is writing it stops for good: the manager takes its ownership back and the other's write and read finish",
                        xfs(List.of("w0", "w0 r0"), Fault.FIRST_CLIENT_STOPS, true), new Bounds(60, 0, 0, 1, MAX_STATES), null),
                new Check("xfs", "2 clients: w0 | w0, a datagram duplicated",
                        "a copy of a request may arrive late, after its write is over: the writer declines the second grant, and its copy stays tracked",
                        xfs(List.of("w0", "w0"), Fault.NONE, true), new Bounds(60, 0, 1, 0, MAX_STATES), null),
                new Check("xfs", "2 clients: w0 | r0, any one datagram lost",
                        "every operation still finishes: a lost read miss or write request is sent again, a lost grant asked for again, a lost answer's request repeated by the manager",
                        xfs(List.of("w0", "r0"), Fault.NONE, true), new Bounds(60, 1, 0, 0, MAX_STATES), null),
                new Check("xfs", "2 clients: w0 | r0, timeouts fire with answers in flight",
                        "any delay (one try each): the manager may time out a live writer, which is fenced, or give a read up, whose copy it then no longer tracks and waits out its lease before it grants; only safety, since a delay past every try makes an operation give up",
                        new XfsCoherence(List.of("w0", "r0"), 2, Fault.NONE, false, 1, c -> c), new Bounds(60, 0, 0, 0, MAX_STATES), null));
    }

    private static XfsCoherence xfs(List<String> scripts, Fault fault, boolean timeoutsLongerThanDelays) {
        return new XfsCoherence(scripts, 2, fault, timeoutsLongerThanDelays, XfsCoherence.ATTEMPTS, c -> c);
    }
}
