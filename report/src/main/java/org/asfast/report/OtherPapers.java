package org.asfast.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every baseline table the Ousterhout section does not show: Ousterhout's Table 1 and in-text
 * figures, and the tables of the other four papers (Amoeba/Sprite, V, rmem, xFS), laid out as the
 * papers lay them out: each paper row in the paper's columns, with the simulated and live rows of the systems
 * that fill it under it. In-text figures are listed one per row.
 */
final class OtherPapers {
    static final Map<String, String> PAPER_NAMES = Map.of(
            "ousterhout1990", "Ousterhout 1990", "douglis1991", "Douglis et al. 1991 (Amoeba and Sprite)",
            "cheriton1988", "Cheriton 1988 (V)", "thekkath1994", "Thekkath et al. 1994 (rmem)", "xfs", "xFS");

    private OtherPapers() {
    }

    static List<TableView> views(Baselines baselines, Map<String, BaselineVerifier.Check> errata) {
        return views(baselines, errata, List.of());
    }

    /**
     * The tables, with a simulated row under each paper row a simulated system fills (in the paper's own columns:
     * Douglis et al. put the systems in columns), and one fidelity table per paper with simulated cells.
     */
    static List<TableView> views(Baselines baselines, Map<String, BaselineVerifier.Check> errata, List<SimulatedCells.Cell> simulated) {
        return views(baselines, errata, simulated, List.of());
    }

    /** The same, with a live row under each paper row a live system fills ({@link LiveRows}). */
    static List<TableView> views(Baselines baselines, Map<String, BaselineVerifier.Check> errata, List<SimulatedCells.Cell> simulated,
                                 List<Measurement> live) {
        List<TableView> views = new ArrayList<>();
        for (Baselines.Table table : baselines.tables()) {
            if (table.paper().equals(OusterhoutTables.PAPER) && OusterhoutReport.TABLES.contains(table.table())) {
                continue;
            }
            if (table.table().startsWith("text")) {
                views.add(textView(table, errata, simulated, live));
                continue;
            }
            Set<String> columns = new LinkedHashSet<>();
            Map<RowLabel, Map<String, BaselineCell>> rows = new LinkedHashMap<>();
            for (BaselineCell cell : table.cells()) {
                columns.add(cell.column());
                rows.computeIfAbsent(cell.row(), r -> new LinkedHashMap<>()).put(cell.column(), cell);
            }
            // A column's unit goes in its heading; a column whose rows differ in unit (Thekkath's Table 2: throughput in
            // Mb/s, notification in us, both "all operations") becomes one column per unit, so no number sits under another's unit.
            Map<String, Set<String>> units = new LinkedHashMap<>();
            table.cells().forEach(c -> units.computeIfAbsent(c.column(), k -> new LinkedHashSet<>()).add(c.unit()));
            List<Slot> slots = new ArrayList<>();
            columns.forEach(column -> units.get(column).forEach(unit -> slots.add(new Slot(column, unit, units.get(column).size() > 1))));
            List<String> headings = slots.stream().map(slot -> slot.unit().equals("text") || slot.unit().equals("ratio") || slot.unit().isEmpty()
                    ? slot.column() : slot.column() + " (" + OusterhoutReport.unitText(slot.unit()) + ")").toList();
            List<String> columnList = List.copyOf(columns);
            List<TableView.Row> shown = new ArrayList<>();
            rows.forEach((label, cells) -> {
                // each row's cells go in the slot of its paper cell's unit, and only where the paper row has a cell (the
                // others have no paper value: they are listed apart, uncheckedViews)
                java.util.function.Predicate<Slot> mine = slot -> cells.containsKey(slot.column())
                        && (!slot.shared() || cells.get(slot.column()).unit().equals(slot.unit()));
                List<TableView.Cell> line = new ArrayList<>();
                for (Slot slot : slots) {
                    BaselineCell c = cells.get(slot.column());
                    line.add(c == null || !mine.test(slot) ? TableView.Cell.empty() : OusterhoutReport.paperCell(c, errata));
                }
                shown.add(new TableView.Row(label.toString(), "paper", table.source(), line));
                List<TableView.Cell> simulatedLine = new ArrayList<>();
                String platforms = "";
                for (Slot slot : slots) {
                    var cell = SimulatedCells.at(simulated, table.paper(), table.table(), label, slot.column()).filter(c -> mine.test(slot));
                    simulatedLine.add(cell.map(c -> SimulatedCells.view(c, baselines.value(c.paper(), c.table(), c.row(), c.column()))).orElse(TableView.Cell.empty()));
                    platforms = cell.map(c -> c.platform()).orElse(platforms);
                }
                if (!platforms.isEmpty()) {
                    shown.add(new TableView.Row(label + " (simulated)", "simulated", "simulated, virtual time", simulatedLine));
                }
                for (List<Measurement> liveCells : LiveRows.lines(live, table.paper(), table.table(), label, columnList)) {
                    List<TableView.Cell> liveLine = new ArrayList<>();
                    for (Slot slot : slots) {
                        Measurement m = mine.test(slot) ? liveCells.get(columnList.indexOf(slot.column())) : null;
                        liveLine.add(m == null ? TableView.Cell.empty() : LiveRows.cell(m, baselines.value(table.paper(), table.table(), label, m.column())));
                    }
                    if (liveLine.stream().anyMatch(c -> !c.text().isEmpty())) {
                        shown.add(new TableView.Row(liveLabel(label, liveCells), LiveRows.KIND, "live, this computer", liveLine));
                    }
                }
            });
            views.add(new TableView(table.paper() + "-" + slug(table.table()), table.paper(), table.table(),
                    title(table), table.source(), headings, shown, null, notes(simulated, live)));
        }
        fidelityViews(baselines, simulated, views);
        uncheckedViews(baselines, simulated, live, views);
        return views;
    }

    /**
     * Cells the paper has no value for (Andrew on Amoeba and Sprite, a table it does not have; xFS's read costs, which
     * its in-text figures lack), simulated and live, one table each: predictions that nothing can check yet, labelled so.
     */
    private static void uncheckedViews(Baselines baselines, List<SimulatedCells.Cell> simulated, List<Measurement> live, List<TableView> views) {
        Map<List<String>, List<SimulatedCells.Cell>> byTable = new LinkedHashMap<>();
        simulated.stream().filter(c -> c.tag().equals(SimulatedCells.NO_PAPER_VALUE))
                .forEach(c -> byTable.computeIfAbsent(List.of(c.paper(), c.table()), k -> new ArrayList<>()).add(c));
        live.stream().filter(m -> !paperHas(baselines, m))
                .forEach(m -> byTable.computeIfAbsent(List.of(m.paper(), m.table()), k -> new ArrayList<>()));
        byTable.forEach((key, cells) -> {
            List<Measurement> liveCells = live.stream().filter(m -> m.paper().equals(key.get(0)) && m.table().equals(key.get(1))
                    && !paperHas(baselines, m)).toList(); // one with a paper value is under its paper row
            Set<String> columns = new LinkedHashSet<>();
            // a row by its system and configuration: a live cell's machine is its platform
            Map<List<String>, RowLabel> labels = new LinkedHashMap<>();
            Map<RowLabel, Map<String, SimulatedCells.Cell>> rows = new LinkedHashMap<>();
            for (SimulatedCells.Cell c : cells) {
                columns.add(c.column());
                labels.putIfAbsent(List.of(c.row().os(), c.row().config()), c.row());
                rows.computeIfAbsent(c.row(), r -> new LinkedHashMap<>()).put(c.column(), c);
            }
            for (Measurement m : liveCells) {
                columns.add(m.column());
                labels.putIfAbsent(List.of(m.row().os(), m.row().config()), new RowLabel("", m.row().os(), m.row().config()));
            }
            String unit = cells.isEmpty() ? liveCells.getFirst().unit() : cells.getFirst().unit();
            List<String> headings = columns.stream().map(c -> c + " (" + OusterhoutReport.unitText(unit) + ")").toList();
            List<String> columnList = List.copyOf(columns);
            List<TableView.Row> shown = new ArrayList<>();
            for (RowLabel label : labels.values()) {
                Map<String, SimulatedCells.Cell> byColumn = rows.getOrDefault(label, Map.of());
                if (!byColumn.isEmpty()) {
                    shown.add(new TableView.Row(label + " (simulated)", "simulated", "simulated, virtual time",
                            columns.stream().map(column -> byColumn.containsKey(column) ? SimulatedCells.view(byColumn.get(column), java.util.Optional.empty())
                                    : TableView.Cell.empty()).toList()));
                }
                for (List<Measurement> line : LiveRows.lines(liveCells, key.get(0), key.get(1), label, columnList)) {
                    shown.add(new TableView.Row(liveLabel(label, line), LiveRows.KIND, "live, this computer",
                            line.stream().map(m -> m == null ? TableView.Cell.empty() : LiveRows.unchecked(m)).toList()));
                }
            }
            String paper = PAPER_NAMES.getOrDefault(key.get(0), key.get(0));
            String systems = cells.isEmpty() ? "live systems" : liveCells.isEmpty() ? "simulated systems" : "simulated and live systems";
            // a table the paper has (xFS's in-text figures) lacks these cells: say which, by its title
            String what = baselines.find(key.get(0), key.get(1)).map(t -> t.title() + ", figures the paper does not give,").orElse(key.get(1));
            views.add(new TableView(key.get(0) + "-" + slug(key.get(1)) + "-predictions", key.get(0), key.get(1),
                    paper + ": " + what + " on the " + systems + " (" + SimulatedCells.NO_PAPER_VALUE + ")", "the run's simulated.csv and results.csv",
                    headings, shown, null, "The paper has no figures for these cells: each is a prediction of the " + systems
                    + " that nothing can check yet." + (liveCells.isEmpty() ? "" : " " + LiveRows.NOTE)));
        });
    }

    static final String SIMULATED_NOTE = "Simulated rows: the system's nodes run on the modelled machine in virtual time. A calibration cell"
            + " (marked c) had a parameter solved on it or chosen while looking at it (the system's parameters.csv names the cell);"
            + " a derived cell is the paper's own arithmetic on other cells; every other cell is a prediction, and out-of-sample"
            + " predictions (marked o) use only parameters fitted on Ousterhout's tables and assumptions. Hover a cell for its error"
            + " against the paper.";

    private static String notes(List<SimulatedCells.Cell> simulated, List<Measurement> live) {
        return String.join(" ", (simulated.isEmpty() ? "" : SIMULATED_NOTE), (live.isEmpty() ? "" : LiveRows.NOTE)).strip();
    }

    /** One table per paper: the simulated cells' fidelity per table, as the model's. */
    private static void fidelityViews(Baselines baselines, List<SimulatedCells.Cell> simulated, List<TableView> views) {
        Map<String, List<TableView.Row>> byPaper = new LinkedHashMap<>();
        for (SimulatedCells.Summary s : SimulatedCells.summaries(simulated, baselines)) {
            byPaper.computeIfAbsent(s.paper(), p -> new ArrayList<>()).add(new TableView.Row("Table " + s.table(), "simulated", "simulated, virtual time", List.of(
                    count(s.cells()), count(s.calibrations()), count(s.predictions()), count(s.outOfSample()),
                    new TableView.Cell(Double.isNaN(s.median()) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * s.median()),
                            100 * s.median(), Double.NaN, Double.NaN, "simulated", "median |error| of the predictions, in percent"),
                    text(!s.meetsGoal() ? "missed" : s.withinBudget() ? "met" : "met, on few predictions (calibrations a third or more)"),
                    text(s.withinBudget() ? "yes" : "no"))));
        }
        byPaper.forEach((paper, rows) -> views.add(new TableView(paper + "-simulated-fidelity", paper, "simulated fidelity",
                PAPER_NAMES.getOrDefault(paper, paper) + ": fidelity of the simulated systems", "the paper's cells and the run's simulated.csv",
                List.of("cells", "calibration", "prediction", "of them out-of-sample", "median |error| of predictions", "goal (15%)",
                        "calibration under a third"), rows, null,
                "Per table, as for the model: the median |error| of the predictions, calibration and derived cells excluded (a"
                        + " derived cell is the paper's arithmetic on others, shown but not counted). A table whose calibrations are a third"
                        + " of its cells or more breaks the project's rule, and its median rests on few predictions.")));
    }

    private static TableView.Cell count(int n) {
        return new TableView.Cell(Integer.toString(n), n, Double.NaN, Double.NaN, "simulated", "");
    }

    private static TableView.Cell text(String text) {
        return new TableView.Cell(text, Double.NaN, Double.NaN, Double.NaN, "text", "");
    }

    /** In-text figures: one per row, with where it was measured, its value and unit. */
    private static TableView textView(Baselines.Table table, Map<String, BaselineVerifier.Check> errata, List<SimulatedCells.Cell> simulated,
                                      List<Measurement> live) {
        List<TableView.Row> rows = new ArrayList<>();
        for (BaselineCell c : table.cells()) {
            rows.add(new TableView.Row(c.column(), "paper", table.source(), List.of(
                    new TableView.Cell(c.row().toString(), Double.NaN, Double.NaN, Double.NaN, "text", ""),
                    OusterhoutReport.paperCell(c, errata),
                    new TableView.Cell(OusterhoutReport.unitText(c.unit()), Double.NaN, Double.NaN, Double.NaN, "text", ""))));
            SimulatedCells.at(simulated, table.paper(), table.table(), c.row(), c.column()).ifPresent(s -> rows.add(new TableView.Row(
                    c.column() + " (simulated)", "simulated", "simulated, virtual time", List.of(
                    new TableView.Cell(s.platform(), Double.NaN, Double.NaN, Double.NaN, "text", ""),
                    SimulatedCells.view(s, c.isNumber() ? java.util.Optional.of(c.value()) : java.util.Optional.empty()),
                    new TableView.Cell(OusterhoutReport.unitText(s.unit()), Double.NaN, Double.NaN, Double.NaN, "text", "")))));
            for (List<Measurement> line : LiveRows.lines(live, table.paper(), table.table(), c.row(), List.of(c.column()))) {
                Measurement m = line.getFirst();
                rows.add(new TableView.Row(c.column() + " (live)", LiveRows.KIND, "live, this computer", List.of(
                        new TableView.Cell("this computer (" + LiveRows.platforms(line) + ")", Double.NaN, Double.NaN, Double.NaN, "text", ""),
                        LiveRows.cell(m, c.isNumber() ? java.util.Optional.of(c.value()) : java.util.Optional.empty()),
                        new TableView.Cell(OusterhoutReport.unitText(m.unit()), Double.NaN, Double.NaN, Double.NaN, "text", ""))));
            }
        }
        return new TableView(table.paper() + "-" + slug(table.table()), table.paper(), table.table(), title(table), table.source(),
                List.of("Measured on", "Value", "Unit"), rows, null, live.isEmpty() ? "" : LiveRows.NOTE);
    }

    /** Whether the paper has a value for live cell {@code m} (matched as {@link LiveRows#lines} matches: by system and configuration). */
    private static boolean paperHas(Baselines baselines, Measurement m) {
        return baselines.find(m.paper(), m.table()).stream().flatMap(t -> t.cells().stream())
                .anyMatch(c -> c.column().equals(m.column()) && c.row().os().equals(m.row().os()) && c.row().config().equals(m.row().config()));
    }

    /** A live row's label: the paper's row without the paper's machine, since it ran on this computer. */
    private static String liveLabel(RowLabel paperRow, List<Measurement> line) {
        return new RowLabel("", paperRow.os(), paperRow.config()) + " (live on this computer: " + LiveRows.platforms(line) + ")";
    }

    /** A column of a table as shown: the paper's column in one unit ({@code shared}: the paper's column has other units too). */
    private record Slot(String column, String unit, boolean shared) {
    }

    private static String title(Baselines.Table table) {
        boolean numbered = !table.table().startsWith("text");
        String paper = PAPER_NAMES.getOrDefault(table.paper(), table.paper());
        return paper + ", " + (numbered ? "Table " + table.table() + ". " : "in the text: ") + table.title();
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
