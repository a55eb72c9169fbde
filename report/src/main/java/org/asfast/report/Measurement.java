package org.asfast.report;

/**
 * A number this run produced for a cell of a paper's table: measured by JMH or derived from
 * measured numbers with the paper's definitions.
 *
 * @param paper the paper's key, e.g. {@code ousterhout1990} (as in results/baselines/index.csv)
 * @param table the paper's table id as printed, e.g. {@code 10}, {@code 1a}, {@code I}
 * @param row the row (this computer, its OS and configuration)
 * @param column the paper's column
 * @param unit the unit of value, low and high
 * @param value the mean
 * @param low lower bound of the 99.9% confidence interval, NaN when unknown
 * @param high upper bound, NaN when unknown
 * @param origin the kind of the platform the number came from, as its provider declares it: "measured" or "live"
 *               (wall time from JMH), "modelled" or "simulated" (virtual time, from JMH's secondary results); or
 *               "derived" (computed from those cells)
 * @param benchmark the JMH benchmark and parameters it came from, or the formula for derived cells
 */
public record Measurement(String paper, String table, RowLabel row, String column, String unit, double value, double low, double high,
                          String origin, String benchmark) {

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** " ± half the 99.9% interval", or " [low, ∞)" for an interval without an upper bound; "" without an interval. */
    public String intervalText() {
        if (!hasInterval()) {
            return "";
        }
        return Double.isInfinite(high) ? " [" + Numbers.readable(low) + ", ∞)" : " ± " + Numbers.readable((high - low) / 2);
    }
}
