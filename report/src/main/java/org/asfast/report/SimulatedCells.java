package org.asfast.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.asfast.spi.UserError;

/**
 * The simulated distributed systems' cells of a run ({@code simulated.csv} in its folder): each a paper's cell as a
 * system simulated on a modelled machine gives it, in virtual time, tagged {@code calibration}, {@code prediction}
 * or {@code prediction (out-of-sample)} (predicted from Ousterhout-fitted parameters and assumptions alone).
 */
public final class SimulatedCells {
    public static final String FILE = "simulated.csv";
    static final double GOAL = 0.15;
    /** The tag of a cell the paper has no value for (a table it does not have, or a figure its table lacks): a prediction nothing can check yet. */
    static final String NO_PAPER_VALUE = "prediction, no paper value";
    private static final List<String> COLUMNS = List.of("paper", "table", "machine", "os", "config", "column", "unit", "value", "platform", "tag");
    /** The parameters calibrated on a calibration cell, comma-separated: a later column, which runs before it lack. */
    private static final String CALIBRATED_BY = "calibrated_by";

    /** One simulated cell; {@code calibratedBy} names the parameters calibrated on it (empty if none, or not recorded). */
    public record Cell(String paper, String table, RowLabel row, String column, String unit, double value, String platform, String tag,
                       String calibratedBy) {
        public Cell(String paper, String table, RowLabel row, String column, String unit, double value, String platform, String tag) {
            this(paper, table, row, column, unit, value, platform, tag, "");
        }

        boolean calibration() {
            return tag.equals("calibration");
        }
    }

    /** One table's fidelity: the median |error| of its predictions. */
    public record Summary(String paper, String table, int cells, int calibrations, int predictions, int outOfSample, double median) {
        boolean meetsGoal() {
            return median <= GOAL;
        }

        /** Calibration cells are under a third of the table's cells, the model's rule too. */
        boolean withinBudget() {
            return Fidelity.withinBudget(calibrations, cells);
        }
    }

    private SimulatedCells() {
    }

    /** Writes a run's simulated cells. */
    public static void write(Path file, List<Cell> cells) {
        AtomicFiles.write(file, w -> {
            List<String> header = new ArrayList<>(COLUMNS);
            header.add(CALIBRATED_BY);
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(w)) {
                for (Cell c : cells) {
                    csv.printRecord(c.paper(), c.table(), c.row().machine(), c.row().os(), c.row().config(), c.column(), c.unit(), c.value(), c.platform(), c.tag(),
                            c.calibratedBy());
                }
            }
        });
    }

    /** A run's simulated cells; none when the run has no such file (it ran no simulated system). */
    public static List<Cell> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Cell> cells = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                if (!r.toMap().keySet().containsAll(COLUMNS)) {
                    throw new UserError(file + " lacks the columns " + COLUMNS + "; re-run the benchmarks or remove that run folder");
                }
                cells.add(new Cell(r.get("paper"), r.get("table"), new RowLabel(r.get("machine"), r.get("os"), r.get("config")), r.get("column"),
                        r.get("unit"), Double.parseDouble(r.get("value")), r.get("platform"), r.get("tag"), r.isMapped(CALIBRATED_BY) ? r.get(CALIBRATED_BY) : ""));
            }
        } catch (IOException | NumberFormatException e) {
            throw new UserError(file + " is not a valid simulated-cells file (" + e.getMessage() + "); re-run the benchmarks or remove that run folder");
        }
        return cells;
    }

    /** The simulated cell at a paper's cell, if any. */
    static Optional<Cell> at(List<Cell> cells, String paper, String table, RowLabel row, String column) {
        return cells.stream().filter(c -> c.paper().equals(paper) && c.table().equals(table) && c.row().equals(row) && c.column().equals(column)).findFirst();
    }

    /** Per (paper, table), the fidelity of the cells the paper printed. */
    static List<Summary> summaries(List<Cell> cells, Baselines baselines) {
        Map<String, List<Cell>> byTable = new TreeMap<>();
        for (Cell c : cells) {
            // a cell the paper derives from others (tag "derived") is shown but not counted, as for the model
            if (!c.tag().equals("derived") && baselines.value(c.paper(), c.table(), c.row(), c.column()).isPresent()) {
                byTable.computeIfAbsent(c.paper() + "\u0000" + c.table(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Summary> summaries = new ArrayList<>();
        byTable.forEach((key, cs) -> {
            List<Double> errors = new ArrayList<>();
            for (Cell c : cs) {
                if (!c.calibration()) {
                    errors.add(Math.abs(c.value() / baselines.value(c.paper(), c.table(), c.row(), c.column()).orElseThrow() - 1));
                }
            }
            errors.sort(null);
            int n = errors.size();
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? errors.get(n / 2) : (errors.get(n / 2 - 1) + errors.get(n / 2)) / 2;
            long outOfSample = cs.stream().filter(c -> c.tag().contains("out-of-sample")).count();
            summaries.add(new Summary(cs.getFirst().paper(), cs.getFirst().table(), cs.size(), cs.size() - n, n, (int) outOfSample, median));
        });
        return summaries;
    }

    /** A report cell showing a simulated value, with its tag and its error against the paper in the tooltip. */
    static TableView.Cell view(Cell c, Optional<Double> printed) {
        String error = printed.map(p -> String.format(Locale.ROOT, "; %+.1f%% against the paper's %s", 100 * (c.value() / p - 1), Numbers.readable(p))).orElse("");
        return new TableView.Cell(Numbers.readable(c.value()), c.value(), Double.NaN, Double.NaN, "simulated " + c.tag().replace(" (out-of-sample)", " out-of-sample").replace(", no paper value", " unchecked"),
                "simulated on " + c.platform() + " in virtual time, " + c.tag() + (c.calibratedBy().isEmpty() ? "" : " of " + c.calibratedBy()) + error);
    }
}
