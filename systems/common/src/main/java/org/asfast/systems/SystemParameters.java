package org.asfast.systems;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asfast.model.Parameter;

/**
 * A simulated system's parameters with their provenance, in the model's format
 * ({@code subject,parameter,value,unit,source}; source {@code documented:}, {@code assumption:} or
 * {@code calibration: <paper | table | machine | os | config | column>}), laid over the modelled machine's
 * hardware, whose parameters keep the model's own sources. A name is set once: a system cannot quietly
 * override the machine it runs on.
 */
public final class SystemParameters {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).build();

    private final Map<String, Parameter> byName;

    private SystemParameters(Map<String, Parameter> byName) {
        this.byName = byName;
    }

    /**
     * The machine's parameters from the model, then its network interface's ({@link #SUN3_60_LANCE}), then the
     * system's own files ({@code resources}, found beside {@code owner}).
     */
    public static SystemParameters load(ModelHardware machine, Class<?> owner, String... resources) {
        return load(machine, true, owner, resources);
    }

    /** The machine's parameters from the model, then the system's own files, which describe its own network interface. */
    public static SystemParameters loadOwnNetwork(ModelHardware machine, Class<?> owner, String... resources) {
        return load(machine, false, owner, resources);
    }

    private static SystemParameters load(ModelHardware machine, boolean lance, Class<?> owner, String... resources) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : machine.parameters()) {
            byName.put(p.name(), p);
        }
        if (lance) {
            add(byName, read(SystemParameters.class, SUN3_60_LANCE), SUN3_60_LANCE);
        }
        for (String resource : resources) {
            add(byName, read(owner, resource), resource);
        }
        return new SystemParameters(byName);
    }

    /** Only a system's own files, for a machine the Ousterhout model does not have (xFS's UltraSPARC 170 and Myrinet). */
    public static SystemParameters of(Class<?> owner, String... resources) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (String resource : resources) {
            add(byName, read(owner, resource), resource);
        }
        return new SystemParameters(byName);
    }

    /** The Sun 3/60's Ethernet interface as both Amoeba and Sprite drive it. */
    public static final String SUN3_60_LANCE = "sun3-60-lance.csv";

    private static void add(Map<String, Parameter> byName, List<Parameter> rows, String resource) {
        for (Parameter p : rows) {
            Parameter earlier = byName.putIfAbsent(p.name(), p);
            if (earlier != null) {
                throw new IllegalStateException(resource + ": " + p.name() + " is set twice (" + earlier.subject() + " and " + p.subject() + ")");
            }
        }
    }

    static List<Parameter> read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the parameter file " + resource + " is missing beside " + owner.getName());
            }
            List<Parameter> rows = new ArrayList<>();
            for (CSVRecord r : FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords()) {
                Parameter p = new Parameter(r.get("subject"), r.get("parameter"), r.get("value"), r.get("unit"), r.get("source"));
                if (!p.source().matches("(documented|assumption|calibration): .+")) {
                    throw new IllegalStateException(resource + ": " + p.name() + " needs a source 'documented: ...', 'assumption: ...' or 'calibration: <cell>'");
                }
                p.number(); // every system parameter is a number
                rows.add(p);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same parameters with one value changed (a calibration trial or a what-if). */
    public SystemParameters with(String name, double value) {
        Parameter p = parameter(name);
        Map<String, Parameter> changed = new LinkedHashMap<>(byName);
        changed.put(name, new Parameter(p.subject(), name, Double.toString(value), p.unit(), p.source()));
        return new SystemParameters(changed);
    }

    /**
     * These parameters and the named figures of one of the model's platforms ({@code sun3-60-sprite-local}: its operating
     * system's on its machine, such as cp's work per file), each with the model's source; a name already set is kept.
     */
    public SystemParameters withModel(String modelPlatform, List<String> names) {
        org.asfast.model.ModelRow row = org.asfast.model.ModelRow.find(modelPlatform);
        if (row == null) {
            throw new IllegalArgumentException("the model has no platform '" + modelPlatform + "'");
        }
        org.asfast.model.ModelSpec spec = new org.asfast.model.ModelSpec(row, org.asfast.model.ModelParameters.bundled());
        Map<String, Parameter> more = new LinkedHashMap<>(byName);
        for (String name : names) {
            more.putIfAbsent(name, spec.parameter(name));
        }
        return new SystemParameters(more);
    }

    public Parameter parameter(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; the parameters are " + String.join(", ", byName.keySet()));
        }
        return p;
    }

    public double number(String name) {
        return parameter(name).number();
    }

    /** Every parameter, the machine's first. */
    public List<Parameter> all() {
        return List.copyOf(byName.values());
    }

    /** Name to value, as nodes read them through their context. */
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        byName.forEach((name, p) -> numbers.put(name, p.number()));
        return numbers;
    }
}
