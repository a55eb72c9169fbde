package org.asfast.report;

/**
 * One point of Figure 1: a machine's geometric mean of MIPS-relative speeds against its MIPS rating.
 *
 * @param kind {@code paper} or {@code measured}
 * @param numbers how many MIPS-relative speeds the mean is made of
 */
public record FigurePoint(String machine, double mips, double geometricMean, int numbers, String kind) {
}
