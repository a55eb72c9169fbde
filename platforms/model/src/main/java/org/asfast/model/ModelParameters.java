package org.asfast.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.asfast.spi.UserError;

/**
 * The model's parameters, read from {@code parameters.csv} (columns subject, parameter, value, unit,
 * source), with any what-if changes laid over them. Later entries replace earlier ones with the same
 * subject and name, so a what-if file is just more rows.
 */
public final class ModelParameters {
    static final String BUNDLED = "parameters.csv";
    /** Parsed once: the set is immutable, and every opened platform starts from it. */
    private static final ModelParameters SHIPPED = new ModelParameters(new LinkedHashMap<>()).with(readResource(BUNDLED));

    private final Map<String, Parameter> byKey;

    private ModelParameters(Map<String, Parameter> byKey) {
        this.byKey = byKey;
    }

    /** The parameters shipped with asfast. */
    public static ModelParameters bundled() {
        return SHIPPED;
    }

    /**
     * Checks what-if changes against these parameters: each must name a parameter the model has and give a value of
     * its kind: a number of at least 0 (the model has no negative quantity), true or false for a yes-or-no, or one of
     * the words the shipped parameters use for it. Throws a {@link UserError} naming the first bad one.
     */
    public List<Parameter> check(List<Parameter> changes) {
        for (Parameter change : changes) {
            List<String> shipped = byKey.values().stream().filter(p -> p.name().equals(change.name())).map(Parameter::value).distinct().toList();
            if (shipped.isEmpty()) {
                throw new UserError("the model has no parameter '" + change.name() + "'; see the names in platforms/model/src/main/resources/org/asfast/model/parameters.csv");
            }
            String example = change.subject() + "/" + change.name() + "=" + shipped.get(0);
            String value = change.value();
            if (isNumber(shipped.get(0))) {
                if (!isNumber(value) || Double.parseDouble(value) < 0) {
                    throw new UserError("'" + change.name() + "' takes a number of at least 0, not '" + value + "'; write e.g. " + example);
                }
            } else if (isFlag(shipped.get(0))) {
                if (!isFlag(value)) {
                    throw new UserError("'" + change.name() + "' takes true or false, not '" + value + "'; write e.g. " + example);
                }
            } else if (!shipped.contains(value)) {
                throw new UserError("'" + change.name() + "' takes one of " + String.join(", ", shipped) + ", not '" + value + "'; write e.g. " + example);
            }
        }
        return changes;
    }

    private static boolean isFlag(String text) {
        return text.equals("true") || text.equals("false");
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** These parameters with {@code changes} laid over them. */
    public ModelParameters with(List<Parameter> changes) {
        Map<String, Parameter> merged = new LinkedHashMap<>(byKey);
        for (Parameter p : changes) {
            merged.put(key(p.subject(), p.name()), p);
        }
        return new ModelParameters(merged);
    }

    /** Every parameter, in file order. */
    public List<Parameter> all() {
        return List.copyOf(byKey.values());
    }

    /** The parameter, or null. */
    public Parameter find(String subject, String name) {
        return byKey.get(key(subject, name));
    }

    /** Reads parameter rows from a CSV file a user wrote (a what-if file). */
    public static List<Parameter> readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parameters(ModelCsv.FORMAT.parse(reader), file.toString());
        } catch (IOException e) {
            throw new UserError("cannot read the what-if file " + file + ": " + e.getMessage() + "; give a CSV with columns subject,parameter,value,unit,source");
        }
    }

    /**
     * Parses one {@code --set} change, {@code subject/parameter=value}, e.g.
     * {@code DS3100/disk_rotation_ms=0.1}. The subject is everything before the last '/'.
     */
    public static Parameter parseSetting(String setting) {
        int eq = setting.indexOf('=');
        int slash = eq < 0 ? -1 : setting.lastIndexOf('/', eq);
        if (eq < 0 || slash <= 0 || slash == eq - 1 || eq == setting.length() - 1) {
            throw new UserError("cannot read the setting '" + setting + "'; write it as subject/parameter=value, e.g. DS3100/disk_rotation_ms=0.1");
        }
        return new Parameter(setting.substring(0, slash).trim(), setting.substring(slash + 1, eq).trim(),
                setting.substring(eq + 1).trim(), "", "what-if: --set " + setting);
    }

    static List<Parameter> readResource(String name) {
        return parameters(ModelCsv.resource(name), name);
    }

    private static List<Parameter> parameters(Iterable<CSVRecord> records, String origin) {
        List<Parameter> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            if (!r.isConsistent() || !r.isMapped("subject") || !r.isMapped("source")) {
                throw new UserError(origin + " line " + r.getRecordNumber() + " does not have the columns subject,parameter,value,unit,source; fix that line");
            }
            if (r.get("value").isEmpty()) {
                throw new UserError(origin + " line " + r.getRecordNumber() + " gives no value for " + r.get("parameter") + "; fill it in");
            }
            rows.add(new Parameter(r.get("subject"), r.get("parameter"), r.get("value"), r.get("unit"), r.get("source")));
        }
        return rows;
    }

    private static String key(String subject, String name) {
        return subject + "\u0000" + name;
    }
}
