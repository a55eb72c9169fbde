package org.asfast.report;

/**
 * When a measured figure has settled: its 99.9% confidence interval reaches no further than 5% of
 * its value on either side. A figure without an interval (a single iteration), or whose interval
 * does not even contain it, has not settled. The report marks unsettled figures; the run repeats
 * them while it has time.
 */
public final class Settling {
    /** The largest half-width, as a fraction of the value, of a settled figure. */
    public static final double LIMIT = 0.05;
    /** The mark an unsettled figure carries in tables. */
    public static final String MARK = "†";

    private Settling() {
    }

    /** Half the interval's width over the value; infinite when there is no usable interval. */
    public static double relativeHalfWidth(double value, double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high) || !(low <= value && value <= high) || value == 0 || !Double.isFinite(value)) {
            return Double.POSITIVE_INFINITY;
        }
        return (high - low) / 2 / Math.abs(value);
    }

    public static boolean settled(double value, double low, double high) {
        return relativeHalfWidth(value, low, high) <= LIMIT + 1e-12; // an interval of exactly ±5% settles, whatever the rounding
    }

    /** Only wall-clock figures (and totals of them) are judged; paper values, virtual times and ratios are not. */
    public static boolean judged(Measurement m) {
        return m.origin().equals("measured") || m.origin().equals("live") || (m.origin().equals("derived") && m.hasInterval());
    }

    public static boolean settled(Measurement m) {
        return !judged(m) || settled(m.value(), m.low(), m.high());
    }

    /** The legend for the mark. */
    public static String legend() {
        return MARK + " not settled: half of the 99.9% confidence interval is more than " + Math.round(LIMIT * 100)
                + "% of the value (or there is no interval); the machine was busy or the run too short. "
                + "Re-run on a quiet machine, or with ./asfast verify --full.";
    }
}
