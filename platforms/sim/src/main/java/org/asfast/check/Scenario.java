package org.asfast.check;

import java.util.HexFormat;

/**
 * A small configuration of a system to check: which nodes, what their clients do, and what must hold in every
 * state. The search builds it afresh for every execution it replays, so building must be deterministic.
 */
public interface Scenario {

    /** Adds the system's nodes to {@code network}, starts what its clients do, and returns what checks it. */
    Invariants build(ControlledNetwork network);

    /** What must hold in every state of one execution; it may keep a history (it is part of the state). */
    interface Invariants {

        /** Null when every invariant holds now, else one line saying which does not and why. */
        String violation();

        /**
         * Null when what must hold once nothing more can happen (no datagram in flight, no timer set) holds, else one
         * line saying what does not: what the system must have finished by then.
         */
        default String atEnd() {
            return null;
        }

        /** How a datagram reads in a trace. */
        default String describe(byte[] message) {
            return HexFormat.of().formatHex(message, 0, Math.min(message.length, 24)) + (message.length > 24 ? "…" : "");
        }
    }
}
