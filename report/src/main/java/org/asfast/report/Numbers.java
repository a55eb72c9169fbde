package org.asfast.report;

import java.util.Locale;

/** How numbers are written: plain for files, to the paper's precision for people. */
public final class Numbers {
    private Numbers() {
    }

    /** A full-precision number for CSV and JSON, or empty for NaN. */
    public static String plain(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /** Three significant digits, as the paper prints most of its numbers. */
    public static String readable(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude == 0) {
            return "0";
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
