package org.asfast.host;

import java.nio.file.Path;

import org.asfast.spi.UserError;

/**
 * The host's integer speed in VAX MIPS, the unit of Ousterhout's Table 1, measured with Dhrystone
 * 2.1 (1757 Dhrystones/s = 1 MIPS) or given by the user.
 *
 * <p>The rating is the best of many short trials after the JIT has compiled the loop: a short
 * trial is often not interrupted even on a busy machine, where a long one always is. The spread of
 * the trials and the C Dhrystone run beside it show how far to trust the figure.
 *
 * @param mips the rating
 * @param dhrystonesPerSecond the measured rate, or NaN when the user gave the rating
 * @param method how the figure was obtained, in words, for the report
 * @param spread the trials' rates in VAX MIPS, or null when the user gave the rating
 * @param c the C Dhrystone measured beside it, or null when the user gave the rating or there was no C compiler
 * @param cMissing why there is no C figure, or null when there is one (or the user gave the rating)
 */
public record HostMips(double mips, double dhrystonesPerSecond, String method, TrialSpread spread, CDhrystone c, String cMissing) {
    static final int TRIALS = 400;
    /** Short enough that many trials run between two interruptions even on a busy machine (20 ms lost one run in four under load 10). */
    static final long TRIAL_NANOS = 5_000_000L;
    /** C2 has compiled the loop well before this; the rate no longer rises after it. */
    static final long WARMUP_NANOS = 1_000_000_000L;

    /**
     * Runs Dhrystone for a second of warm-up, then {@value #TRIALS} trials of 5 ms, and keeps the
     * best; then the C Dhrystone, compiled into {@code scratch}, which must exist (the caller removes it).
     */
    public static HostMips measure(Path scratch) {
        Dhrystone dhrystone = new Dhrystone();
        int runs = 1000;
        double fastest = 0;
        long warmupStart = System.nanoTime();
        while (System.nanoTime() - warmupStart < WARMUP_NANOS) { // warm up the JIT, sizing a trial from the fastest rate so far
            double elapsed = trial(dhrystone, runs);
            fastest = Math.max(fastest, runs / elapsed);
            runs = (int) Math.max(1000, Math.min(Integer.MAX_VALUE / 2, fastest * TRIAL_NANOS / 1e9));
        }
        double[] rates = new double[TRIALS];
        for (int i = 0; i < TRIALS; i++) {
            rates[i] = runs / trial(dhrystone, runs);
        }
        TrialSpread spread = TrialSpread.of(rates);
        double best = spread.best();
        CDhrystone c = null;
        String cMissing = null;
        try {
            c = CDhrystone.measure(scratch);
        } catch (CCompiler.Unavailable e) {
            cMissing = e.getMessage();
        }
        TrialSpread mips = spread.scaled(1 / Dhrystone.DHRYSTONES_PER_VAX_MIPS);
        String method = String.format("Dhrystone 2.1, Java port run in process on JDK %d after %.0f s of JIT warm-up; best of %d trials of %d runs "
                        + "(about %d ms each; median %.0f, slowest %.0f VAX MIPS); %.0f Dhrystones/s / 1757 = %.0f VAX MIPS",
                Runtime.version().feature(), WARMUP_NANOS / 1e9, TRIALS, runs, TRIAL_NANOS / 1_000_000, mips.median(), mips.min(),
                best, best / Dhrystone.DHRYSTONES_PER_VAX_MIPS);
        return new HostMips(best / Dhrystone.DHRYSTONES_PER_VAX_MIPS, best, method, mips, c, cMissing);
    }

    /** Seconds for one trial of {@code runs} Dhrystones, whose results are checked. */
    private static double trial(Dhrystone dhrystone, int runs) {
        long start = System.nanoTime();
        dhrystone.run(runs);
        long elapsed = System.nanoTime() - start;
        dhrystone.verify(runs);
        return Math.max(elapsed, 1) / 1e9;
    }

    /** The Java rating over the C program's, both best trials; NaN without a C figure. */
    public double javaOverC() {
        return c == null ? Double.NaN : mips / c.mips();
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
        return new HostMips(mips, Double.NaN, "given by the user with --host-mips", null, null, null);
    }
}
