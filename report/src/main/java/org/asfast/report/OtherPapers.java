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
 * papers lay them out: the paper's columns, then a measured and a model column per row, empty until
 * the systems that fill them exist. In-text figures are listed one per row.
 */
final class OtherPapers {
    static final String MEASURED = "this computer (measured)";
    static final String MODEL = "model";
    static final Map<String, String> PAPER_NAMES = Map.of(
            "ousterhout1990", "Ousterhout 1990", "douglis1991", "Douglis et al. 1991 (Amoeba and Sprite)",
            "cheriton1988", "Cheriton 1988 (V)", "thekkath1994", "Thekkath et al. 1994 (rmem)", "xfs", "xFS");

    private OtherPapers() {
    }

    static List<TableView> views(Baselines baselines, Map<String, BaselineVerifier.Check> errata) {
        List<TableView> views = new ArrayList<>();
        for (Baselines.Table table : baselines.tables()) {
            if (table.paper().equals(OusterhoutTables.PAPER) && OusterhoutReport.TABLES.contains(table.table())) {
                continue;
            }
            if (table.table().startsWith("text")) {
                views.add(textView(table, errata));
                continue;
            }
            Set<String> columns = new LinkedHashSet<>();
            Map<RowLabel, Map<String, BaselineCell>> rows = new LinkedHashMap<>();
            for (BaselineCell cell : table.cells()) {
                columns.add(cell.column());
                rows.computeIfAbsent(cell.row(), r -> new LinkedHashMap<>()).put(cell.column(), cell);
            }
            List<String> headings = new ArrayList<>();
            Map<String, String> units = new LinkedHashMap<>();
            table.cells().forEach(c -> units.putIfAbsent(c.column(), c.unit()));
            for (String column : columns) {
                String unit = units.get(column);
                headings.add(unit.equals("text") || unit.equals("ratio") || unit.isEmpty() ? column : column + " (" + OusterhoutReport.unitText(unit) + ")");
            }
            headings.add(MEASURED);
            headings.add(MODEL);
            List<TableView.Row> shown = new ArrayList<>();
            rows.forEach((label, cells) -> {
                List<TableView.Cell> line = new ArrayList<>();
                for (String column : columns) {
                    BaselineCell c = cells.get(column);
                    line.add(c == null ? TableView.Cell.empty() : OusterhoutReport.paperCell(c, errata));
                }
                line.add(pending("filled when the system is implemented"));
                line.add(pending("filled when the system is modelled"));
                shown.add(new TableView.Row(label.toString(), "paper", table.source(), line));
            });
            views.add(new TableView(table.paper() + "-" + slug(table.table()), table.paper(), table.table(),
                    title(table), table.source(), headings, shown, null, ""));
        }
        return views;
    }

    /** In-text figures: one per row, with where it was measured, its value and unit. */
    private static TableView textView(Baselines.Table table, Map<String, BaselineVerifier.Check> errata) {
        List<TableView.Row> rows = new ArrayList<>();
        for (BaselineCell c : table.cells()) {
            rows.add(new TableView.Row(c.column(), "paper", table.source(), List.of(
                    new TableView.Cell(c.row().toString(), Double.NaN, Double.NaN, Double.NaN, "text", ""),
                    OusterhoutReport.paperCell(c, errata),
                    new TableView.Cell(OusterhoutReport.unitText(c.unit()), Double.NaN, Double.NaN, Double.NaN, "text", ""),
                    pending("filled when the system is implemented"),
                    pending("filled when the system is modelled"))));
        }
        return new TableView(table.paper() + "-" + slug(table.table()), table.paper(), table.table(), title(table), table.source(),
                List.of("Measured on", "Value", "Unit", MEASURED, MODEL), rows, null, "");
    }

    private static TableView.Cell pending(String why) {
        return new TableView.Cell("", Double.NaN, Double.NaN, Double.NaN, "empty pending", why);
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
