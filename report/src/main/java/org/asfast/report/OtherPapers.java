package org.asfast.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of the other four papers (Amoeba/Sprite, V, rmem, xFS), laid out as the papers lay
 * them out: the paper's columns, then a measured and a model column per row, empty until the
 * systems that fill them exist.
 */
final class OtherPapers {
    static final String MEASURED = "this computer (measured)";
    static final String MODEL = "model";

    private OtherPapers() {
    }

    static List<TableView> views(Baselines baselines) {
        List<TableView> views = new ArrayList<>();
        for (Baselines.Table table : baselines.tables()) {
            if (table.paper().equals(OusterhoutTables.PAPER)) {
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
                    line.add(c == null ? TableView.Cell.empty() : new TableView.Cell(c.text(), c.value(), Double.NaN, Double.NaN, "paper", c.note()));
                }
                line.add(new TableView.Cell("", Double.NaN, Double.NaN, Double.NaN, "empty pending", "filled when the system is implemented"));
                line.add(new TableView.Cell("", Double.NaN, Double.NaN, Double.NaN, "empty pending", "filled when the system is modelled"));
                shown.add(new TableView.Row(label.toString(), "paper", table.source(), line));
            });
            views.add(new TableView(table.paper() + "-" + slug(table.table()), table.paper(), table.table(),
                    title(table), table.source(), headings, shown, null, ""));
        }
        return views;
    }

    private static String title(Baselines.Table table) {
        boolean numbered = !table.table().startsWith("text");
        return (numbered ? "Table " + table.table() + ". " : "In the text: ") + table.title();
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
