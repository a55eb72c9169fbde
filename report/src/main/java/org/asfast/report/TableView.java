package org.asfast.report;

import java.util.List;

/**
 * A table as the report shows it: the paper's rows and the rows this report adds, in the paper's order.
 *
 * @param id the anchor and file stem, e.g. {@code ousterhout1990-table4}
 * @param caption the paper's title for the table
 * @param source where the paper values come from
 * @param columns the column headings, each with its unit
 * @param rows the rows
 * @param chart the file stem of the chart of absolute values under charts/ (SVG and PNG), or null
 * @param notes what the report's own rows mean
 */
public record TableView(String id, String paper, String table, String caption, String source, List<String> columns,
                        List<Row> rows, String chart, String notes) {

    /**
     * @param label machine, OS and configuration
     * @param kind {@code paper}, {@code measured} or {@code model}: where the row's numbers come from
     * @param source the seed table, run id or model
     */
    public record Row(String label, String kind, String source, List<Cell> cells) {
    }

    /**
     * @param text what the cell shows
     * @param value the number, NaN when empty
     * @param low lower bound of the interval, NaN when none
     * @param high upper bound, NaN when none
     * @param css classes: paper, measured, derived, erratum, calibration, prediction
     * @param title the tooltip: provenance and, for errata, the recomputed value
     */
    public record Cell(String text, double value, double low, double high, String css, String title) {
        static Cell empty() {
            return new Cell("", Double.NaN, Double.NaN, Double.NaN, "empty", "");
        }
    }
}
