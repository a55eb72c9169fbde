package org.asfast.host;

import java.util.Arrays;

/**
 * How a rate varied over repeated trials: the best (the trial least disturbed by anything else on
 * the machine, which is the rating), the median and the worst.
 *
 * @param trials how many trials
 * @param best the highest rate
 * @param median the median rate
 * @param min the lowest rate
 */
public record TrialSpread(int trials, double best, double median, double min) {

    /** The spread of some trials' rates; each rate must be positive and finite. */
    public static TrialSpread of(double... rates) {
        if (rates.length == 0) {
            throw new IllegalArgumentException("no trials");
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        if (!(sorted[0] > 0) || !Double.isFinite(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("a trial's rate is not a positive number: " + Arrays.toString(rates));
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new TrialSpread(n, sorted[n - 1], median, sorted[0]);
    }

    /** The same spread in another unit, e.g. Dhrystones/s to VAX MIPS. */
    public TrialSpread scaled(double factor) {
        return new TrialSpread(trials, best * factor, median * factor, min * factor);
    }

    /** How far the median falls below the best, as a fraction of the best: small when the machine was quiet. */
    public double medianShortfall() {
        return 1 - median / best;
    }
}
