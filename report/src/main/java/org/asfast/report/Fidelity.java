package org.asfast.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How close a model comes to a paper: for every modelled cell that the paper printed, the two
 * values, the error and whether the cell was used to calibrate a parameter. Cells are kept and
 * summarised per (paper, table), so any paper's simulated cells can be added. Only measured columns
 * count (times, bandwidths); derived columns (MIPS-relative speeds, Mbytes/MIPS, totals, Table 8)
 * follow from them and would count the same error twice.
 */
public final class Fidelity {
    /** Tables whose goal is a median |error| of at most 15% on predictions, by paper. */
    public static final Map<String, Set<String>> GOAL_TABLES = Map.of(OusterhoutTables.PAPER, Set.of("3", "4", "6", "7", "9", "10"));
    public static final double GOAL = 0.15;
    /** The project's budget for fitting: a table's calibration cells stay under a third of its cells (model and systems alike). */
    public static boolean withinBudget(int calibrations, int cells) {
        return calibrations * 3 < cells;
    }

    /** Predictions further off than this need an explanation in the report. */
    public static final double EXPLAIN_ABOVE = 0.50;

    /** One modelled cell the paper also printed. */
    public record Cell(String paper, String table, RowLabel row, String column, String unit, double printed, double model, boolean calibration, String explanation) {
        /** (model - printed) / printed. */
        public double error() {
            return (model - printed) / printed;
        }

        public String tag() {
            return calibration ? "calibration" : "prediction";
        }
    }

    /** One table's summary. */
    public record Summary(String paper, String table, int cells, int calibrations, int predictions, double median, double p90, boolean goalTable) {
        /** Calibration cells are under a third of the table's modelled cells. */
        public boolean withinBudget() {
            return Fidelity.withinBudget(calibrations, cells);
        }

        public boolean meetsGoal() {
            return !goalTable || median <= GOAL;
        }
    }

    /** A model value for one cell, before it is matched with the paper. */
    public record Modelled(String paper, String table, RowLabel row, String column, String unit, double value) {
    }

    private final List<Cell> cells;

    private Fidelity(List<Cell> cells) {
        this.cells = cells;
    }

    /**
     * Matches model values with the paper's cells.
     *
     * @param calibrationCells keys {@code paper|table|machine|os|config|column} of the cells parameters were solved from
     * @param explanations     why a cell is far off, by the same key
     */
    public static Fidelity of(List<Modelled> modelled, Baselines baselines, Set<String> calibrationCells, Map<String, String> explanations) {
        List<Cell> cells = new ArrayList<>();
        for (Modelled m : modelled) {
            baselines.value(m.paper(), m.table(), m.row(), m.column()).ifPresent(paper -> {
                String key = key(m.paper(), m.table(), m.row(), m.column());
                cells.add(new Cell(m.paper(), m.table(), m.row(), m.column(), m.unit(), paper, m.value(), calibrationCells.contains(key), explanations.get(key)));
            });
        }
        return new Fidelity(List.copyOf(cells));
    }

    /** The key of a cell: {@code paper|table|machine|os|config|column}. */
    public static String key(String paper, String table, RowLabel row, String column) {
        return paper + "|" + table + "|" + row.machine() + "|" + row.os() + "|" + row.config() + "|" + column;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Per (paper, table), papers by key and tables in each paper's order. */
    public List<Summary> summaries() {
        Map<List<String>, List<Cell>> byTable = new LinkedHashMap<>();
        cells.stream().sorted(TableIds.byPaperAndTable(Cell::paper, Cell::table))
                .forEach(c -> byTable.computeIfAbsent(List.of(c.paper(), c.table()), t -> new ArrayList<>()).add(c));
        List<Summary> out = new ArrayList<>();
        byTable.forEach((id, list) -> {
            double[] errors = list.stream().filter(c -> !c.calibration()).mapToDouble(c -> Math.abs(c.error())).sorted().toArray();
            int calibrations = (int) list.stream().filter(Cell::calibration).count();
            String paper = id.get(0);
            String table = id.get(1);
            out.add(new Summary(paper, table, list.size(), calibrations, errors.length, quantile(errors, 0.5), quantile(errors, 0.9),
                    GOAL_TABLES.getOrDefault(paper, Set.of()).contains(table)));
        });
        return out;
    }

    /** Predictions with the largest |error|, worst first. */
    public List<Cell> worst(int count) {
        return cells.stream().filter(c -> !c.calibration())
                .sorted(Comparator.comparingDouble((Cell c) -> -Math.abs(c.error()))).limit(count).toList();
    }

    /** Calibration cells with their own miss, largest |error| first: a calibration need not reproduce its cell exactly. */
    public List<Cell> calibrations() {
        return cells.stream().filter(Cell::calibration)
                .sorted(Comparator.comparingDouble((Cell c) -> -Math.abs(c.error()))).toList();
    }

    /** Predictions more than {@link #EXPLAIN_ABOVE} off. */
    public List<Cell> farOff() {
        return cells.stream().filter(c -> !c.calibration() && Math.abs(c.error()) > EXPLAIN_ABOVE)
                .sorted(Comparator.comparingDouble((Cell c) -> -Math.abs(c.error()))).toList();
    }

    /** Writes every cell, atomically: paper and model values, error, tag and any explanation. */
    public void writeCsv(java.nio.file.Path file) {
        AtomicFiles.write(file, this::writeCsv);
    }

    /** The cells as CSV, one row per modelled cell. */
    public void writeCsv(java.io.Writer out) throws java.io.IOException {
        try (org.apache.commons.csv.CSVPrinter csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                .setHeader("paper", "table", "machine", "os", "config", "column", "unit", "printed", "model", "error", "tag", "explanation").build().print(out)) {
            for (Cell c : cells) {
                csv.printRecord(c.paper(), c.table(), c.row().machine(), c.row().os(), c.row().config(), c.column(), c.unit(), c.printed(), c.model(),
                        c.error(), c.tag(), c.explanation() == null ? "" : c.explanation());
            }
        }
    }

    /** Linear-interpolated quantile of sorted values (NaN if none). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
