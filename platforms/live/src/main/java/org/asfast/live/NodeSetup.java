package org.asfast.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one live node is set up: its address in the system, the UDP port it binds on 127.0.0.1 (0 for any free
 * one), its scratch folder (its {@code Storage} files), its system's parameters, the run's seed and fault setting,
 * and the run's tag (datagrams carrying another run's tag are ignored, so a late packet of an earlier run on a
 * reused port cannot be mistaken for this run's).
 *
 * @param faults a fault setting as {@code org.asfast.nodes.Faults} parses it, e.g. {@code "drop=0.1,dup=0.05"};
 *               empty for none
 */
public record NodeSetup(int id, int port, Path scratch, Map<String, Double> parameters, long seed, int runTag, String faults) {

    public NodeSetup {
        if (id < 0) {
            throw new LiveException("a node's address must be 0 or more, not " + id);
        }
        if (port < 0 || port > 65535) {
            throw new LiveException("port " + port + " is not a UDP port; give 1-65535, or 0 for any free port");
        }
        parameters = Map.copyOf(parameters);
        faults = faults == null ? "" : faults.trim();
        FaultLayer.parse(faults); // a malformed setting fails here, before any process or socket exists
    }

    /** A node with no parameters, no faults, any free port. */
    public static NodeSetup of(int id, Path scratch) {
        return new NodeSetup(id, 0, scratch, Map.of(), 1, 0, "");
    }

    public NodeSetup withPort(int newPort) {
        return new NodeSetup(id, newPort, scratch, parameters, seed, runTag, faults);
    }

    /** The command-line arguments {@link NodeMain} reads back into this setup. */
    List<String> toArguments() {
        List<String> args = new java.util.ArrayList<>(List.of("--id", Integer.toString(id), "--port", Integer.toString(port),
                "--scratch", scratch.toString(), "--seed", Long.toString(seed), "--run-tag", Integer.toString(runTag),
                "--faults", faults));
        for (Map.Entry<String, Double> p : new TreeMap<>(parameters).entrySet()) {
            args.add("--parameter");
            args.add(p.getKey() + "=" + p.getValue());
        }
        return args;
    }
}
