package org.asfast.report;

/**
 * One cell of a paper's table, as transcribed in results/baselines/.
 *
 * @param paper the paper's key, e.g. {@code ousterhout1990}
 * @param table the table's name within the paper, e.g. {@code 2}, {@code 1a}, {@code I}, {@code text}
 * @param row the row's label
 * @param column the column's label, as printed
 * @param unit the unit of {@code value}, or {@code text} when the cell is words
 * @param value the number, or NaN for a text cell
 * @param text the cell as written in the CSV
 * @param note "printed", or why the value is uncertain in the text we have
 */
public record BaselineCell(String paper, String table, RowLabel row, String column, String unit, double value, String text, String note) {

    public boolean isNumber() {
        return !unit.equals("text");
    }
}
