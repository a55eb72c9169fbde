package org.asfast.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.asfast.spi.UserError;
import org.asfast.spi.UserFiles;

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
     * Checks what-if changes against these parameters: each must name a parameter the model has, for a
     * subject some modelled row looks it up in, and give a value of its kind: true or false for a
     * yes-or-no, one of the words the shipped parameters use for it, or a number from 0 to 1000 times
     * the largest shipped value (1000 where all are 0), and if not 0, at least a thousandth of the
     * smallest non-zero one, so that every modelled time stays within the virtual clock. Throws a
     * {@link UserError} naming the first bad one.
     */
    public List<Parameter> check(List<Parameter> changes) {
        java.util.Set<String> subjects = subjects();
        for (Parameter change : changes) {
            List<String> shipped = byKey.values().stream().filter(p -> p.name().equals(change.name())).map(Parameter::value).distinct().toList();
            if (shipped.isEmpty()) {
                throw new UserError("the model has no parameter '" + change.name() + "'; see the names in platforms/model/src/main/resources/org/asfast/model/parameters.csv");
            }
            if (!subjects.contains(change.subject())) {
                throw new UserError("no modelled row uses the subject '" + change.subject() + "' (in " + change.subject() + "/" + change.name()
                        + "); write a machine such as DS3100, os:<system>, isa:<family>, config:<configuration>, <machine>+<system> or all");
            }
            String example = change.subject() + "/" + change.name() + "=" + shipped.get(0);
            String value = change.value();
            if (isNumber(shipped.get(0))) {
                double[] numbers = shipped.stream().filter(ModelParameters::isNumber).mapToDouble(Double::parseDouble).toArray();
                double largest = java.util.Arrays.stream(numbers).max().orElse(0);
                double high = largest > 0 ? 1000 * largest : 1000;
                double low = java.util.Arrays.stream(numbers).filter(n -> n > 0).min().orElse(0) / 1000;
                double number = isNumber(value) ? Double.parseDouble(value) : Double.NaN;
                if (!(number == 0 || (number >= low && number <= high))) {
                    throw new UserError("'" + change.name() + "' takes 0 or a number from " + plain(low) + " to " + plain(high)
                            + " (a thousand times either way of the shipped values), not '" + value + "'; write e.g. " + example);
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

    /** Every subject that some modelled row looks its parameters up in. */
    private java.util.Set<String> subjects() {
        java.util.Set<String> subjects = new java.util.HashSet<>();
        for (ModelRow row : ModelRow.all()) {
            subjects.addAll(new ModelSpec(row, this).subjects());
        }
        return subjects;
    }

    private static String plain(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
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

    /**
     * Reads parameter rows from a CSV file a user wrote (a what-if file): a regular UTF-8 file of at
     * most 1 MB (not a FIFO or a device), with or without a byte-order mark, any line ends.
     */
    public static List<Parameter> readFile(Path file) {
        return readFile(file, "the what-if file");
    }

    /** {@link #readFile(Path)}, naming the file as {@code what} in messages. */
    public static List<Parameter> readFile(Path file, String what) {
        return rows(file, what).stream().map(Row::parameter).toList();
    }

    /** A what-if file's changes, each {@link #check checked} against these parameters; a bad one is named by its line. */
    public List<Parameter> readWhatIf(Path file) {
        List<Parameter> changes = new ArrayList<>();
        for (Row row : rows(file, "the what-if file")) {
            try {
                check(List.of(row.parameter()));
            } catch (UserError e) {
                throw new UserError(row.where() + ": " + e.getMessage());
            }
            changes.add(row.parameter());
        }
        return changes;
    }

    /** A row of a parameter file and where it is ("file line N"). */
    private record Row(Parameter parameter, String where) {
    }

    private static List<Row> rows(Path file, String what) {
        String text = UserFiles.readText(file, 1 << 20, what);
        try (Reader reader = new java.io.StringReader(text); var parser = ModelCsv.FORMAT.parse(reader)) {
            if (!parser.getHeaderNames().containsAll(List.of("subject", "parameter", "value", "unit", "source"))) {
                throw new UserError(file + " line " + UserFiles.lineOf(text, 0, '#') + " is not the header subject,parameter,value,unit,source; "
                        + what + " starts with it");
            }
            return rows(parser, file.toString(), text);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw UserFiles.csvError(file, e);
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
        return rows(ModelCsv.resource(name), name, null).stream().map(Row::parameter).toList();
    }

    /**
     * The rows of a parameter CSV. {@code text}, when given, is the file's text, so that a message
     * names the line an editor shows (the parser counts records, after the header and comments).
     */
    private static List<Row> rows(Iterable<CSVRecord> records, String origin, String text) {
        List<Row> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            String where = origin + " line " + (text == null ? r.getRecordNumber() + 1 : UserFiles.lineOf(text, r.getCharacterPosition(), '#'));
            if (!r.isConsistent() || !r.isMapped("subject") || !r.isMapped("source")) {
                throw new UserError(where + " does not have the columns subject,parameter,value,unit,source"
                        + (r.isMapped("subject") ? "" : " (the file's first line must be that header)") + "; fix that line");
            }
            if (r.get("value").isEmpty()) {
                throw new UserError(where + " gives no value for " + r.get("parameter") + "; fill it in");
            }
            rows.add(new Row(new Parameter(r.get("subject"), r.get("parameter"), r.get("value"), r.get("unit"), r.get("source")), where));
        }
        return rows;
    }

    private static String key(String subject, String name) {
        return subject + "\u0000" + name;
    }
}
