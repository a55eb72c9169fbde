package org.asfast.report;

/**
 * Ousterhout's normalisations (Table 2's caption and sections 7-9). Every input is a parameter:
 * the MVAX2 reference values come from the baselines, never from this class.
 */
public final class MipsRelative {
    private MipsRelative() {
    }

    /** (t_ref / t_x) / (MIPS_x / MIPS_ref): 1.0 means the machine is as fast as its MIPS rating predicts. */
    public static double fromTimes(double referenceTime, double time, double mips, double referenceMips) {
        return (referenceTime / time) / (mips / referenceMips);
    }

    /** Table 6: the ratio of bandwidths divided by the ratio of MIPS ratings. */
    public static double fromBandwidths(double referenceBandwidth, double bandwidth, double mips, double referenceMips) {
        return (bandwidth / referenceBandwidth) / (mips / referenceMips);
    }

    /** Table 5: uncached Mbytes/s divided by the MIPS rating. */
    public static double perMips(double bandwidth, double mips) {
        return bandwidth / mips;
    }

    /** Table 8: the extra time to run remotely, as a percentage of the local time. */
    public static double remotePenaltyPercent(double localTime, double remoteTime) {
        return (remoteTime - localTime) / localTime * 100;
    }

    /** Figure 1: the geometric mean of a machine's MIPS-relative numbers. */
    public static double geometricMean(java.util.Collection<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double v : values) {
            logSum += Math.log(v);
        }
        return Math.exp(logSum / values.size());
    }
}
