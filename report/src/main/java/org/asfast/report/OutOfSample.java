package org.asfast.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Out-of-sample evidence: cells of other papers that the model predicts with parameters fitted on
 * Ousterhout's tables and a measure its workloads already make, with nothing fitted on them. Which
 * cell comes from which platform and measure is data ({@code out-of-sample.csv}), so a simulated
 * system can add its own cells.
 */
public final class OutOfSample {

    /**
     * One paper cell and what predicts it.
     *
     * @param platform the modelled (or simulated) platform that predicts it
     * @param measurePaper the paper of the cell the platform's measure fills, as results.csv names it
     * @param measureTable that cell's table
     * @param measureColumn that cell's column
     * @param reason why the measure is the paper's quantity
     */
    public record Mapping(String paper, String table, RowLabel row, String column, String platform,
                          String measurePaper, String measureTable, String measureColumn, String reason) {
        /** The {@link Fidelity#key} of the paper's cell. */
        public String key() {
            return Fidelity.key(paper, table, row, column);
        }
    }

    /** A model value in its unit. */
    public record Value(double value, String unit) {
    }

    /** One out-of-sample cell: printed and predicted, in the paper's unit. */
    public record Cell(Mapping mapping, String unit, double printed, double model) {
        /** (model - printed) / printed. */
        public double error() {
            return (model - printed) / printed;
        }
    }

    /** One paper's out-of-sample cells: how many and the median |error|. */
    public record Summary(String paper, int cells, double median) {
    }

    private OutOfSample() {
    }

    /** The bundled mappings. */
    public static List<Mapping> bundled() {
        try (Reader reader = new InputStreamReader(OutOfSample.class.getResourceAsStream("out-of-sample.csv"), StandardCharsets.UTF_8)) {
            List<Mapping> mappings = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').build().parse(reader)) {
                mappings.add(new Mapping(r.get("paper"), r.get("table"), new RowLabel(r.get("machine"), r.get("os"), r.get("config")), r.get("column"),
                        r.get("platform"), r.get("measure_paper"), r.get("measure_table"), r.get("measure_column"), r.get("reason")));
            }
            return List.copyOf(mappings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every mapped cell the model has a value for, beside the printed value.
     *
     * @param model the value of a mapping's measure on its platform, or empty if the run did not make it
     */
    public static List<Cell> evaluate(List<Mapping> mappings, Baselines baselines, Function<Mapping, Optional<Value>> model) {
        List<Cell> cells = new ArrayList<>();
        for (Mapping m : mappings) {
            BaselineCell printed = baselines.find(m.paper(), m.table()).flatMap(t -> t.cells().stream()
                            .filter(c -> c.row().equals(m.row()) && c.column().equals(m.column()) && c.isNumber()).findFirst())
                    .orElseThrow(() -> new IllegalStateException("out-of-sample.csv names " + m.key() + ", which is not a printed number"));
            model.apply(m).ifPresent(v -> cells.add(new Cell(m, printed.unit(), printed.value(), v.value() * scale(v.unit(), printed.unit()))));
        }
        return cells;
    }

    /** Per paper, in key order: the count and median |error|. */
    public static List<Summary> summaries(List<Cell> cells) {
        Map<String, List<Double>> byPaper = new TreeMap<>();
        cells.forEach(c -> byPaper.computeIfAbsent(c.mapping().paper(), p -> new ArrayList<>()).add(Math.abs(c.error())));
        List<Summary> out = new ArrayList<>();
        byPaper.forEach((paper, errors) -> out.add(new Summary(paper, errors.size(),
                Fidelity.quantile(errors.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5))));
        return out;
    }

    /** Writes every cell, atomically: the paper's cell, what predicts it, both values and the error. */
    public static void writeCsv(java.nio.file.Path file, List<Cell> cells) {
        AtomicFiles.write(file, out -> writeCsv(out, cells));
    }

    /** The cells as CSV, one row per out-of-sample cell. */
    public static void writeCsv(java.io.Writer out, List<Cell> cells) throws java.io.IOException {
        try (org.apache.commons.csv.CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("paper", "table", "machine", "os", "config", "column", "unit",
                "printed", "model", "error", "platform", "measure", "reason").build().print(out)) {
            for (Cell c : cells) {
                Mapping m = c.mapping();
                csv.printRecord(m.paper(), m.table(), m.row().machine(), m.row().os(), m.row().config(), m.column(), c.unit(), c.printed(), c.model(),
                        c.error(), m.platform(), m.measurePaper() + " " + m.measureTable() + " " + m.measureColumn(), m.reason());
            }
        }
    }

    /** Papers other than Ousterhout's with tables in the baselines but no mapped cell, in key order. */
    public static List<String> unmappedPapers(Baselines baselines, List<Mapping> mappings) {
        return baselines.tables().stream().map(Baselines.Table::paper).distinct().sorted()
                .filter(p -> !p.equals(OusterhoutTables.PAPER) && mappings.stream().noneMatch(m -> m.paper().equals(p))).toList();
    }

    /** The value of one unit in another; only time units convert. */
    static double scale(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        Map<String, Double> seconds = Map.of("us", 1e-6, "ms", 1e-3, "s", 1.0);
        if (!seconds.containsKey(from) || !seconds.containsKey(to)) {
            throw new IllegalStateException("cannot compare a model value in " + from + " with a paper cell in " + to);
        }
        return seconds.get(from) / seconds.get(to);
    }
}
