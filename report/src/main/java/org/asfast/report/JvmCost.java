package org.asfast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asfast.spi.UserError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run's host figures beside the same loops in C, measured in the same run (cbench.json): once as
 * a single-threaded process, as the paper's were, and once shaped like the JMH fork (its thread
 * count and descriptor numbers). The gap between asfast and single-threaded C splits into two
 * measured parts: C with the JVM's threads minus C with one is what the kernel charges a
 * multithreaded process; asfast minus C with the JVM's threads is the JVM's own code around each call.
 *
 * @param run the run
 * @param missing why the run has no C figures, or null
 * @param program the C source, the compiler and its flags
 * @param shape how the JVM's thread count and descriptors were found
 * @param variants the C variants' names, in column order
 * @param rows one row per host figure the run measured (Andrew has no C loop)
 */
public record JvmCost(String run, String missing, String program, String shape, List<String> variants, List<Row> rows) {
    public static final String SCHEMA = "asfast-cbench/1";

    /**
     * One host figure.
     *
     * @param table Ousterhout's table
     * @param figure the column, and the variant (e.g. cross-CPU) if any
     * @param unit the unit of every value in the row
     * @param asfast the Java figure, ± half its 99.9% interval, marked if it has not settled
     * @param halfWidth that half-width as a percentage of the figure
     * @param settled whether the Java figure has settled
     * @param c each C variant's figure, ± half its interval, or "" if that variant did not measure it
     * @param ratios asfast's time per operation over each C variant's (bandwidths inverted): above 1, asfast is slower
     * @param multithreaded the share of asfast's gap over single-threaded C that C with the JVM's threads also shows; "not
     *                      settled" when one of the three figures has not, "within error" when the gap is within the
     *                      two figures' combined 99.9% half-widths
     * @param jvm the share that remains: the JVM's own code
     */
    public record Row(String table, String figure, String unit, String asfast, String halfWidth, boolean settled, List<String> c,
                      List<String> ratios, String multithreaded, String jvm) {
    }

    /** The C figures of one variant, converted to the run's table cells. */
    record Variant(String name, List<Measurement> cells) {
    }

    /** The comparison for a run, or null if the run measured nothing on the host. */
    static JvmCost of(Run run, List<Measurement> cells) {
        List<Measurement> host = cells.stream()
                .filter(m -> m.origin().equals("measured") && m.row().machine().equals("host"))
                .filter(m -> m.paper().equals(OusterhoutTables.PAPER) && !m.table().equals("7"))
                .sorted(TableIds.byPaperAndTable(Measurement::paper, Measurement::table)).toList();
        if (host.isEmpty()) {
            return null;
        }
        JsonNode file = read(run);
        String missing = file == null ? "this run has no " + Run.CBENCH_FILE + " (it was made before asfast measured the C loops)"
                : file.hasNonNull("missing") ? file.get("missing").asText() : null;
        List<Variant> variants = new ArrayList<>();
        if (missing == null) {
            for (JsonNode v : file.path("variants")) {
                List<JmhResult> results = JmhResults.parse(v.path("results"), run.dir().resolve(Run.CBENCH_FILE));
                variants.add(new Variant(v.path("name").asText("C"), RunDerivation.measuredCells(run, results)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Measurement asfast : host) {
            List<Measurement> c = variants.stream().map(v -> v.cells().stream().filter(m -> sameCell(m, asfast)).findFirst().orElse(null)).toList();
            rows.add(row(asfast, c));
        }
        String program = missing != null ? "" : file.path("program").asText() + ", compiled with " + file.path("compiler").asText()
                + " " + file.path("flags").asText() + ", run in " + file.path("target").asText();
        JsonNode jvm = file == null ? null : file.path("jvm");
        String shape = jvm == null || jvm.isMissingNode() ? "" : jvm.path("threads").asText() + " threads and about "
                + jvm.path("descriptors").asText() + " open descriptors: " + jvm.path("how").asText();
        return new JvmCost(run.id(), missing, program, shape, variants.stream().map(Variant::name).toList(), rows);
    }

    private static boolean sameCell(Measurement a, Measurement b) {
        return a.paper().equals(b.paper()) && a.table().equals(b.table()) && a.column().equals(b.column()) && a.row().equals(b.row());
    }

    static Row row(Measurement asfast, List<Measurement> c) {
        List<String> texts = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        for (Measurement m : c) {
            texts.add(m == null ? "" : withInterval(m));
            ratios.add(m == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", cost(asfast) / cost(m)));
        }
        String multithreaded = "";
        String jvm = "";
        if (c.size() == 2 && c.get(0) != null && c.get(1) != null) {
            Measurement single = c.get(0);
            double gap = cost(asfast) - cost(single);
            if (!Settling.settled(asfast) || !Settling.settled(single) || !Settling.settled(c.get(1))) {
                multithreaded = "not settled"; // a split of figures that have not settled says more about the noise than the cost
            } else if (gap <= Math.hypot(costError(asfast), costError(single))) {
                multithreaded = gap > 0 ? "within error" : "asfast is not slower";
            } else {
                double threads = (cost(c.get(1)) - cost(single)) / gap;
                multithreaded = percent(threads);
                jvm = percent(1 - threads);
            }
        }
        double half = Settling.relativeHalfWidth(asfast.value(), asfast.low(), asfast.high());
        return new Row(asfast.table(), figureOf(asfast), OusterhoutReport.unitText(asfast.unit()),
                withInterval(asfast), Double.isFinite(half) ? String.format(java.util.Locale.ROOT, "%.1f%%", 100 * half) : "no interval",
                Settling.settled(asfast), texts, ratios, multithreaded, jvm);
    }

    /** The column, and the row's variant (e.g. "Time, cross-CPU"). */
    static String figureOf(Measurement m) {
        String config = m.row().config();
        return m.column() + (config.contains(",") ? ", " + config.substring(config.indexOf(',') + 1).trim() : "");
    }

    /** Time per operation, or its inverse for a bandwidth, so that more is always slower. */
    static double cost(Measurement m) {
        return m.unit().equals("MB/s") ? 1 / m.value() : m.value();
    }

    /** Half the 99.9% interval of {@link #cost}; infinite without an interval, so that nothing is split on a guess. */
    static double costError(Measurement m) {
        return cost(m) * Settling.relativeHalfWidth(m.value(), m.low(), m.high());
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    /** "1.23 ± 0.02" (or "[5000, ∞)"), with the unsettled mark when the interval is too wide. */
    static String withInterval(Measurement m) {
        String text = Numbers.readable(m.value()) + m.intervalText();
        return Settling.settled(m) ? text : text + " " + Settling.MARK;
    }

    /** cbench.json as JSON, or null if the run has none; a damaged file is a one-line {@link UserError}. */
    private static JsonNode read(Run run) {
        Path file = run.dir().resolve(Run.CBENCH_FILE);
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + " is not valid JSON; it may be truncated: remove it to report the run without its C column");
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new UserError(file + " is not an " + SCHEMA + " file; remove it to report the run without its C column");
        }
        return root;
    }

    /** Each host cell's C figures as tooltip text, by run id, table, column and row. */
    static Map<String, String> tooltips(List<JvmCost> costs) {
        Map<String, String> tips = new LinkedHashMap<>();
        for (JvmCost cost : costs) {
            for (Row row : cost.rows()) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < cost.variants().size(); i++) {
                    if (!row.c().get(i).isEmpty()) {
                        parts.add(cost.variants().get(i) + ": " + row.c().get(i) + " " + row.unit() + " (asfast/C " + row.ratios().get(i) + ")");
                    }
                }
                if (!parts.isEmpty()) {
                    tips.put(cost.run() + "|" + row.table() + "|" + row.figure(), "; the same loop in " + String.join("; in ", parts));
                }
            }
        }
        return tips;
    }
}
