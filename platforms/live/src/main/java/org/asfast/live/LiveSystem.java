package org.asfast.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A distributed system that runs live: which node class each address runs, for how many nodes, with which
 * parameters. A system registers one with {@link ServiceLoader}, in
 * {@code META-INF/services/org.asfast.live.LiveSystem}; {@code ./asfast live --system NAME --nodes N} and the
 * benchmarks find it by name.
 *
 * <p>Every node class must have a public no-argument constructor (a node JVM creates it by name) and read its
 * settings through {@code NodeContext.parameter}. A system usually keeps its parameters in a CSV file beside its
 * classes and returns {@link #readParameters}'s map of it.
 */
public interface LiveSystem {

    /** The name users give, lower case: {@code v}, {@code amoeba}, {@code sprite}. */
    String name();

    /** The fewest nodes the system runs with. */
    int minNodes();

    /** The most nodes the system runs with. */
    int maxNodes();

    /** The node class (its binary name) of the node at {@code address} in a system of {@code nodes} nodes. */
    String nodeClass(int address, int nodes);

    /** The parameters every node of the system is given. */
    Map<String, Double> parameters();

    /** Every registered system, by name. */
    static Map<String, LiveSystem> all() {
        Map<String, LiveSystem> systems = new TreeMap<>();
        for (LiveSystem system : ServiceLoader.load(LiveSystem.class)) {
            systems.put(system.name(), system);
        }
        return systems;
    }

    /** The system called {@code name}; an unknown name is a {@link LiveException} listing the known ones. */
    static LiveSystem named(String name) {
        Map<String, LiveSystem> systems = all();
        LiveSystem system = systems.get(name);
        if (system == null) {
            throw new LiveException("unknown system '" + name + "'; the systems that run live are: " + String.join(", ", systems.keySet()));
        }
        return system;
    }

    /** The node classes of a system of {@code nodes} nodes; a count it does not run with is a {@link LiveException}. */
    static List<String> nodeClasses(LiveSystem system, int nodes) {
        if (nodes < system.minNodes() || nodes > system.maxNodes()) {
            throw new LiveException("system " + system.name() + " runs with " + system.minNodes() + " to " + system.maxNodes()
                    + " nodes, not " + nodes + "; give --nodes in that range");
        }
        List<String> classes = new ArrayList<>();
        for (int address = 0; address < nodes; address++) {
            classes.add(system.nodeClass(address, nodes));
        }
        return classes;
    }

    /**
     * Reads parameter rows from CSV with a header naming at least {@code parameter} and {@code value} columns (the
     * layout of the model's {@code parameters.csv}: subject, parameter, value, unit, source); lines starting with
     * {@code #} are comments. Values must be numbers.
     */
    static Map<String, Double> readParameters(InputStream csv, String what) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = splitCsv(line);
                if (header == null) {
                    header = cells;
                    if (!header.contains("parameter") || !header.contains("value")) {
                        throw new LiveException(what + ": the header needs 'parameter' and 'value' columns, not " + header);
                    }
                    continue;
                }
                String name = cells.get(header.indexOf("parameter"));
                String value = header.indexOf("value") < cells.size() ? cells.get(header.indexOf("value")) : "";
                try {
                    parameters.put(name, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new LiveException(what + " line " + number + ": parameter " + name + " has value '" + value + "', not a number");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parameters;
    }

    private static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
