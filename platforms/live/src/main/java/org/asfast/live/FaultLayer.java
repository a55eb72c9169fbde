package org.asfast.live;

import java.util.Map;
import org.asfast.nodes.Faults;

/**
 * The run's {@link Faults} on one live node's sends: each datagram goes out now, later (a timer on the node's own
 * loop), twice, or not at all, as the node's seeded fault stream decides. Which datagrams are dropped or duplicated
 * is the same for the same seed as in simulation; when the delayed ones leave is up to this computer's clock.
 */
final class FaultLayer {
    private final Faults.Stream stream; // null: no faults, every datagram leaves at once
    private long delayed;

    private FaultLayer(Faults.Stream stream) {
        this.stream = stream;
    }

    /** The fault layer of node {@code id} for a setting such as {@code "drop=0.1,dup=0.05,seed=7"}. */
    static FaultLayer of(String setting, int id) {
        Faults faults = parse(setting);
        return new FaultLayer(faults.none() ? null : faults.stream(id));
    }

    /** Parses a fault setting; a malformed one is a {@link LiveException} with the parser's one-line message. */
    static Faults parse(String setting) {
        try {
            return Faults.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new LiveException(e.getMessage());
        }
    }

    void send(LiveNode node, int to, byte[] message) {
        if (stream == null) {
            node.transmit(to, message);
            return;
        }
        for (long delay : stream.fate()) {
            if (delay == 0) {
                node.transmit(to, message);
            } else {
                delayed++;
                byte[] copy = message.clone(); // the sender may reuse its array before the copy leaves
                node.later(delay, () -> node.transmit(to, copy));
            }
        }
    }

    void count(Map<String, Long> counters) {
        counters.put("faults.dropped", stream == null ? 0 : stream.dropped());
        counters.put("faults.duplicated", stream == null ? 0 : stream.duplicated());
        counters.put("faults.delayed", delayed);
    }
}
