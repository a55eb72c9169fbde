package org.asfast.host;

import org.asfast.spi.UserError;

/**
 * The host's integer speed in VAX MIPS, the unit of Ousterhout's Table 1, measured with Dhrystone
 * 2.1 (1757 Dhrystones/s = 1 MIPS) or given by the user.
 *
 * @param mips the rating
 * @param dhrystonesPerSecond the measured rate, or NaN when the user gave the rating
 * @param method how the figure was obtained, in words, for the report
 */
public record HostMips(double mips, double dhrystonesPerSecond, String method) {
    private static final int TRIALS = 5;
    private static final long TRIAL_NANOS = 400_000_000L;

    /** Runs Dhrystone after a warm-up and keeps the best of five trials of at least 0.4 s each. */
    public static HostMips measure() {
        Dhrystone dhrystone = new Dhrystone();
        int runs = 10_000;
        long elapsed;
        do { // warm up the JIT and find a run count that takes a trial's length
            runs *= 2;
            long start = System.nanoTime();
            dhrystone.run(runs);
            elapsed = System.nanoTime() - start;
            dhrystone.verify(runs);
        } while (elapsed < TRIAL_NANOS);
        double best = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            long start = System.nanoTime();
            dhrystone.run(runs);
            elapsed = System.nanoTime() - start;
            dhrystone.verify(runs);
            best = Math.max(best, runs / (elapsed / 1e9));
        }
        String method = String.format("Dhrystone 2.1, Java port run in process on JDK %s after JIT warm-up; best of %d trials of %d runs; "
                + "%.0f Dhrystones/s / 1757 = %.0f VAX MIPS", Runtime.version().feature(), TRIALS, runs, best, best / Dhrystone.DHRYSTONES_PER_VAX_MIPS);
        return new HostMips(best / Dhrystone.DHRYSTONES_PER_VAX_MIPS, best, method);
    }

    /** A rating the user gave with --host-mips; a one-line {@link UserError} if it is not a positive number. */
    public static HostMips given(String text) {
        double mips;
        try {
            mips = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError("--host-mips must be a number of VAX MIPS such as 12000, not '" + text + "'");
        }
        // Table 1 rates the paper's machines from 0.9 to 20 MIPS and this decade's reach tens of thousands; every
        // MIPS-relative figure divides by the rating, so a rating far outside that is a typing slip, not a machine.
        if (!(mips >= 0.01 && mips <= 1e7)) {
            throw new UserError("--host-mips must be a number of VAX MIPS from 0.01 to 10000000, such as 12000, not '" + text + "'");
        }
        return new HostMips(mips, Double.NaN, "given by the user with --host-mips");
    }
}
