package org.asfast.live;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.asfast.nodes.Work;

/**
 * What a live node has done so far, as named counters: messages and bytes in and out, handlers run, the real time
 * spent in handlers split by {@link Work} kind (server load, as in Thekkath et al.'s Figure 3), the instructions
 * the handlers declared, and what the fault layer did to this node's sends.
 *
 * <p>Counter names: {@code received}, {@code sent}, {@code bytes_in}, {@code bytes_out}, {@code handlers},
 * {@code stray} (datagrams of another run or too short), {@code send_buffer_full} (the kernel refused a datagram: a
 * loss), {@code nanos.<KIND>} and {@code instructions.<KIND>} for each {@link Work} kind, {@code nanos.UNCLASSIFIED}
 * (handler time before its first {@code work()} call), and {@code faults.dropped}, {@code faults.duplicated},
 * {@code faults.delayed}.
 */
public record Load(SortedMap<String, Long> counters) {

    public Load {
        counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    }

    /** A counter's value; 0 for a name never counted. */
    public long count(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** Real time spent in handlers on work of this kind. */
    public long nanos(Work kind) {
        return count("nanos." + kind);
    }

    /** Real time spent in all handlers, classified or not. */
    public long handlerNanos() {
        long sum = count("nanos.UNCLASSIFIED");
        for (Work kind : Work.values()) {
            sum += nanos(kind);
        }
        return sum;
    }

    /** One line, {@code name=value} separated by spaces, as a node process reports it to its launcher. */
    public String toLine() {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(e.getKey()).append('=').append(e.getValue());
        }
        return line.toString();
    }

    /** Reads {@link #toLine()}'s form back. */
    public static Load parse(String line) {
        SortedMap<String, Long> counters = new TreeMap<>();
        for (String pair : line.trim().split(" +")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a load line (name=value ...): " + line);
            }
            counters.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return new Load(counters);
    }
}
