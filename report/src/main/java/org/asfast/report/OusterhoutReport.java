package org.asfast.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.asfast.spi.PlatformKind;

/**
 * Ousterhout's Tables 2-10 with this report's rows in place, their charts, and Figure 1.
 */
final class OusterhoutReport {
    /** The column each table sorts by, and whether larger is first (bandwidths). */
    private record Order(String column, boolean descending) {
    }

    private static final Map<String, Order> ORDER = Map.of(
            "2", new Order("Time", false), "3", new Order("Time", false), "4", new Order("1 pipe", false),
            "5", new Order("Cached", true), "6", new Order("Bandwidth", true), "7", new Order("Total", false),
            "8", new Order("Remote Penalty", false), "9", new Order("foo", false), "10", new Order("No data", false));

    static final List<String> TABLES = List.of("2", "3", "4", "5", "6", "7", "8", "9", "10");

    private final Baselines baselines;
    private final Map<Run, List<Measurement>> measurements = new LinkedHashMap<>();
    /** The cells a platform of each run could not fill ("n/a"): shown in the other papers' live rows, kept out of the figures. */
    private final Map<Run, List<Measurement>> notAvailable = new LinkedHashMap<>();
    private final List<BaselineVerifier.Check> errata;
    private final Map<String, BaselineVerifier.Check> erratumByCell;
    private final List<JvmCost> jvmCosts = new ArrayList<>();
    private final Map<String, String> cTooltips;

    OusterhoutReport(Baselines baselines, List<Run> runs) {
        this.baselines = baselines;
        for (Run run : runs) {
            List<Measurement> cells = RunDerivation.measurements(run, baselines);
            measurements.put(run, new ArrayList<>(cells.stream().filter(m -> !RunDerivation.unmeasured(m)).toList()));
            notAvailable.put(run, cells.stream().filter(RunDerivation::unmeasured).toList());
        }
        pairLocalAndRemoteAndrew(new OusterhoutTables(baselines));
        measurements.forEach((run, cells) -> {
            JvmCost cost = JvmCost.of(run, cells);
            if (cost != null) {
                jvmCosts.add(cost);
            }
        });
        cTooltips = JvmCost.tooltips(jvmCosts);
        errata = BaselineVerifier.errata(baselines);
        erratumByCell = errata.stream().collect(Collectors.toMap(c -> BaselineVerifier.cellKey(c.printed()), c -> c));
    }

    /**
     * Table 8's remote penalty needs a local and a remote Andrew total, which come from two runs
     * (one with a local target, one on NFS or AFS). When the report has both, each remote row gets
     * the local MIPS-relative speed and the penalty from the first local run.
     */
    private void pairLocalAndRemoteAndrew(OusterhoutTables tables) {
        Run localRun = null;
        Measurement local = null;
        for (Map.Entry<Run, List<Measurement>> entry : measurements.entrySet()) {
            for (Measurement m : entry.getValue()) {
                if (local == null && RunDerivation.isOusterhout(m, "7") && m.column().equals("Total") && m.row().config().equals("Local") && m.row().machine().equals("host")) {
                    localRun = entry.getKey();
                    local = m;
                }
            }
        }
        if (local == null) {
            return;
        }
        for (Map.Entry<Run, List<Measurement>> entry : measurements.entrySet()) {
            List<Measurement> added = new ArrayList<>();
            for (Measurement remote : entry.getValue()) {
                if (RunDerivation.isOusterhout(remote, "7") && remote.column().equals("Total") && remote.row().isRemote() && remote.row().machine().equals("host")) {
                    String source = "Table 7 totals of runs " + localRun.id() + " (local) and " + entry.getKey().id() + " (remote)";
                    added.add(new Measurement(OusterhoutTables.PAPER, "8", remote.row(), "MIPS-Relative Speed (Local)", "ratio",
                            tables.andrewMipsRelative(localRun.hostMips(), local.value(), false), Double.NaN, Double.NaN, "derived", source));
                    added.add(new Measurement(OusterhoutTables.PAPER, "8", remote.row(), "Remote Penalty", "%",
                            MipsRelative.remotePenaltyPercent(local.value(), remote.value()), Double.NaN, Double.NaN, "derived", source));
                }
            }
            entry.getValue().addAll(added);
        }
    }

    /** Each run's host figures beside the same loops in C. */
    List<JvmCost> jvmCosts() {
        return jvmCosts;
    }

    Map<Run, List<Measurement>> measurements() {
        return measurements;
    }

    /** A run's cells, those a platform could not fill ("n/a") too. */
    List<Measurement> allMeasurements(Run run) {
        List<Measurement> all = new ArrayList<>(measurements.getOrDefault(run, List.of()));
        all.addAll(notAvailable.getOrDefault(run, List.of()));
        return all;
    }

    List<BaselineVerifier.Check> errata() {
        return errata;
    }

    Map<String, BaselineVerifier.Check> erratumByCell() {
        return erratumByCell;
    }

    TableView table(String table) {
        Baselines.Table paper = baselines.table(OusterhoutTables.PAPER, table);
        List<String> columns = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (BaselineCell cell : paper.cells()) {
            if (!cell.column().startsWith("Time (getpid")) {
                units.putIfAbsent(cell.column(), cell.unit());
            }
        }
        units.forEach((column, unit) -> columns.add(column));
        // Paper rows, in the printed order.
        Map<RowLabel, Map<String, BaselineCell>> paperRows = new LinkedHashMap<>();
        for (BaselineCell cell : paper.cells()) {
            paperRows.computeIfAbsent(cell.row(), r -> new LinkedHashMap<>()).put(cell.column(), cell);
        }
        List<TableView.Row> rows = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        Order order = ORDER.get(table);
        paperRows.forEach((label, cells) -> {
            List<TableView.Cell> shown = new ArrayList<>();
            for (String column : columns) {
                BaselineCell c = cells.get(column);
                shown.add(c == null ? TableView.Cell.empty() : paperCell(c));
            }
            rows.add(new TableView.Row(label.toString(), "paper", paper.source(), shown));
            BaselineCell k = cells.get(order.column());
            keys.add(k == null ? Double.NEGATIVE_INFINITY : k.value());
        });
        // This report's rows, each inserted before the first paper row it beats in the paper's order.
        for (Map.Entry<Run, List<Measurement>> entry : measurements.entrySet()) {
            Map<RowLabel, Map<String, Measurement>> runRows = new LinkedHashMap<>();
            for (Measurement m : entry.getValue()) {
                if (RunDerivation.isOusterhout(m, table)) {
                    runRows.computeIfAbsent(m.row(), r -> new LinkedHashMap<>()).put(m.column(), m);
                }
            }
            runRows.forEach((label, cells) -> {
                List<TableView.Cell> shown = columns.stream().map(c -> cells.containsKey(c) ? runCell(cells.get(c), entry.getKey(), cTooltips) : TableView.Cell.empty()).toList();
                Measurement k = cells.get(order.column());
                double key = k == null ? Double.NEGATIVE_INFINITY : k.value();
                PlatformKind platformKind = entry.getKey().kindOf(label);
                boolean modelled = platformKind == PlatformKind.MODELLED;
                String kind = !modelled ? platformKind.label() : Run.scenarioOf(label).isEmpty() ? "model" : "what-if";
                // A model row goes right under the paper's row for the same machine; others where the paper's order puts them.
                int besidePaper = modelled ? afterPaperRow(rows, label.toString()) : -1;
                int at = besidePaper >= 0 ? besidePaper : insertionPoint(keys, key, order.descending());
                rows.add(at, new TableView.Row(label.toString(), kind, (platformKind == PlatformKind.MEASURED ? "" : platformKind.label() + ", ") + "run " + entry.getKey().id(), shown));
                keys.add(at, besidePaper >= 0 ? Double.NEGATIVE_INFINITY : key);
            });
        }
        boolean unsettled = rows.stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.css().contains("unsettled"));
        List<String> headings = new ArrayList<>();
        units.forEach((column, unit) -> headings.add(unit.equals("ratio") ? column : column + " (" + unitText(unit) + ")"));
        return new TableView(OusterhoutTables.PAPER + "-table" + table, OusterhoutTables.PAPER, table, "Table " + table + ". " + paper.title(),
                paper.source(), headings, rows, chart(table, columns, units, rows), 
                notes(table) + (unsettled ? " " + Settling.legend() : ""));
    }

    /** The position just after the paper's row with this label and any rows already placed under it, or -1. */
    private static int afterPaperRow(List<TableView.Row> rows, String label) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind().equals("paper") && rows.get(i).label().equals(label)) {
                int at = i + 1;
                while (at < rows.size() && !rows.get(at).kind().equals("paper") && rows.get(at).label().equals(label)) {
                    at++;
                }
                return at;
            }
        }
        return -1;
    }

    private static int insertionPoint(List<Double> keys, double key, boolean descending) {
        for (int i = 0; i < keys.size(); i++) {
            double k = keys.get(i);
            if (k == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (descending ? key > k : key < k) {
                return i;
            }
        }
        return keys.size();
    }

    private TableView.Cell paperCell(BaselineCell c) {
        return paperCell(c, erratumByCell);
    }

    /** A printed cell, marked as an erratum when the paper's own definition does not reproduce it. */
    static TableView.Cell paperCell(BaselineCell c, Map<String, BaselineVerifier.Check> errata) {
        BaselineVerifier.Check erratum = errata.get(BaselineVerifier.cellKey(c));
        if (erratum != null) {
            return new TableView.Cell(c.text(), c.value(), Double.NaN, Double.NaN, "paper erratum",
                    "printed " + c.text() + "; the paper's own definition gives " + erratum.recomputedText() + " (" + erratum.formula() + ")");
        }
        return new TableView.Cell(c.text(), c.value(), Double.NaN, Double.NaN, "paper", c.note());
    }

    private static TableView.Cell runCell(Measurement m, Run run, Map<String, String> cTooltips) {
        String text = Numbers.readable(m.value());
        if (m.hasInterval()) {
            text += m.intervalText();
        }
        String title = m.origin() + " in run " + run.id() + ": " + m.benchmark()
                + (m.hasInterval() ? "; 99.9% CI [" + Numbers.readable(m.low()) + ", " + Numbers.readable(m.high()) + "]" : "");
        String css = m.origin();
        if (!Settling.settled(m)) {
            text += " " + Settling.MARK;
            css += " unsettled";
            double half = Settling.relativeHalfWidth(m.value(), m.low(), m.high());
            title += "; not settled: " + (Double.isFinite(half) ? String.format(Locale.ROOT, "±%.1f%%", 100 * half) : "no usable interval");
        }
        title += cTooltips.getOrDefault(run.id() + "|" + m.table() + "|" + JvmCost.figureOf(m), "");
        return new TableView.Cell(text, m.value(), m.low(), m.high(), css, title);
    }

    static String unitText(String unit) {
        return switch (unit) {
            case "us" -> "µs";
            case "MB/s" -> "Mbytes/s";
            default -> unit;
        };
    }

    private static String notes(String table) {
        String common = "Rows marked 'run' were measured on this computer; ± is half of JMH's 99.9% confidence interval. "
                + "Their MIPS-relative speeds use the host MIPS rating above and the paper's MVAX2 row. "
                + "Rows marked 'model' sit under the paper's row for the same machine: the model's virtual time, exact and deterministic; "
                + "their MIPS-relative speeds use the machine's Table 1 rating and the paper's MVAX2 row. See 'Model fidelity' for which cells were calibration.";
        return switch (table) {
            case "3" -> common + " 'cross-CPU' rows pin the two processes to two different CPUs; the paper's machines were uniprocessors.";
            case "5" -> common + " Mbytes = 2^20 bytes. Cached: source and destination fill half of the largest per-CPU cache; uncached: each block is four times the last-level cache.";
            case "6" -> common + " The file is four times the last-level cache (at least 64 MB) and is read in 16 KB blocks from the page cache.";
            case "7" -> common + " The compiler is javac (in process, warmed up) on a 70-file, 220 KB Java tree; the paper compiled C with gcc for SPUR, so compare ratios across rows, not absolute compile times.";
            case "8" -> common + " A single run has one target file system, so it fills the local or the remote column; run once locally and once on NFS to get the penalty.";
            default -> common;
        };
    }

    /**
     * The chart of a table's raw columns (paper rows in one colour, measured rows in another, log scale),
     * kept in {@link #charts()}; returns its file stem, or null for a table without a chart.
     */
    private String chart(String table, List<String> columns, Map<String, String> units, List<TableView.Row> rows) {
        if (table.equals("8")) {
            return null; // Table 8 is ratios; Figure 1 shows them
        }
        String basis = table.equals("7") ? "Total" : OusterhoutTables.DEFINITIONS.get(table).basis();
        int index = columns.indexOf(basis);
        Map<String, List<Charts.Point>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("paper", "model", "measured", "what-if", "simulated", "live")) {
            byKind.put(kind, new ArrayList<>());
        }
        for (TableView.Row row : rows) {
            TableView.Cell cell = row.cells().get(index);
            if (Double.isNaN(cell.value()) || cell.value() <= 0) {
                continue;
            }
            byKind.get(row.kind()).add(new Charts.Point(row.label(), cell.value(), cell.low(), cell.high()));
        }
        org.knowm.xchart.XYChart chart = Charts.perRow("Table " + table + ": " + basis + " (" + unitText(units.get(basis)) + ", log scale)",
                unitText(units.get(basis)), List.of(new Charts.Series("paper (1990)", Charts.PAPER, byKind.get("paper")),
                        new Charts.Series("model (virtual time)", Charts.MODEL, byKind.get("model")),
                        new Charts.Series("this computer", Charts.RUN, byKind.get("measured")),
                        new Charts.Series("what-if (model)", Charts.WHAT_IF, byKind.get("what-if")),
                        new Charts.Series("simulated system", Charts.SIMULATED, byKind.get("simulated")),
                        new Charts.Series("live system", Charts.LIVE, byKind.get("live"))));
        charts.put(table, chart);
        return OusterhoutTables.PAPER + "-table" + table;
    }

    /** Each table's chart, by table, drawn when the report is written. */
    private final Map<String, org.knowm.xchart.XYChart> charts = new LinkedHashMap<>();

    Map<String, org.knowm.xchart.XYChart> charts() {
        return charts;
    }

    List<FigurePoint> figure1Points() {
        OusterhoutTables tables = new OusterhoutTables(baselines);
        Map<String, List<Double>> byMachine = new TreeMap<>();
        for (String table : TABLES) {
            for (BaselineCell cell : baselines.table(OusterhoutTables.PAPER, table).cells()) {
                if (cell.column().startsWith(OusterhoutTables.MIPS_RELATIVE)) {
                    byMachine.computeIfAbsent(cell.row().machine(), m -> new ArrayList<>()).add(cell.value());
                }
            }
        }
        List<FigurePoint> points = new ArrayList<>();
        byMachine.forEach((machine, values) -> points.add(new FigurePoint(machine, tables.requireMips(machine),
                MipsRelative.geometricMean(values), values.size(), "paper")));
        for (Map.Entry<Run, List<Measurement>> entry : measurements.entrySet()) {
            Map<String, List<Double>> modelled = new TreeMap<>();
            Map<String, Double> modelMips = new LinkedHashMap<>();
            for (Measurement m : entry.getValue()) {
                var platform = entry.getKey().modelPlatformOf(m.row());
                if (platform != null && platform.path("scenario").asText("").isEmpty() && m.column().startsWith(OusterhoutTables.MIPS_RELATIVE)) {
                    modelled.computeIfAbsent(m.row().machine(), k -> new ArrayList<>()).add(m.value());
                    modelMips.put(m.row().machine(), platform.path("mips").asDouble());
                }
            }
            modelled.forEach((machine, values) -> points.add(new FigurePoint(machine, modelMips.get(machine),
                    MipsRelative.geometricMean(values), values.size(), "model")));
            List<Double> values = entry.getValue().stream()
                    .filter(m -> m.row().machine().equals("host"))
                    .filter(m -> m.column().startsWith(OusterhoutTables.MIPS_RELATIVE) && !m.row().config().contains(","))
                    .map(Measurement::value).toList();
            if (!values.isEmpty()) {
                points.add(new FigurePoint("host " + entry.getKey().id(), entry.getKey().hostMips(),
                        MipsRelative.geometricMean(values), values.size(), "measured"));
            }
        }
        points.sort(Comparator.comparingDouble(FigurePoint::mips));
        return points;
    }

    org.knowm.xchart.XYChart figure1Chart(List<FigurePoint> points) {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(960).height(560)
                .title("Figure 1, redrawn: operating system speed relative to integer speed")
                .xAxisTitle("MIPS (log scale)").yAxisTitle("geometric mean of MIPS-relative speeds (log scale)").build();
        Charts.style(chart);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        for (String kind : List.of("paper", "model", "measured")) {
            List<FigurePoint> some = points.stream().filter(p -> p.kind().equals(kind)).toList();
            if (some.isEmpty()) {
                continue;
            }
            String name = switch (kind) {
                case "paper" -> "1990 machines (paper)";
                case "model" -> "1990 machines (model)";
                default -> "this computer (measured)";
            };
            var series = chart.addSeries(name, some.stream().mapToDouble(FigurePoint::mips).toArray(), some.stream().mapToDouble(FigurePoint::geometricMean).toArray());
            series.setMarkerColor(switch (kind) {
                case "paper" -> Charts.PAPER;
                case "model" -> Charts.MODEL;
                default -> Charts.RUN;
            });
            for (FigurePoint p : some) {
                if (!kind.equals("model")) { // the model's points sit near the paper's; one label per machine is enough
                    // With several runs, each host point is named by its run ("host <id>"), at that run's own MIPS.
                    String label = kind.equals("paper") || some.size() > 1 ? p.machine() : "this computer";
                    chart.addAnnotation(new org.knowm.xchart.AnnotationText(label, p.mips(), p.geometricMean() * 1.12, false));
                }
            }
        }
        return chart;
    }

}
