package org.asfast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several runs side by side (two machines, or local and NFS): for each measured cell of the first
 * run, the same cell of every other run, the ratio, and whether the difference is beyond the
 * measurement error (the two 99.9% confidence intervals do not overlap).
 */
public record Comparison(String paper, String table, String column, String config, String unit, List<Entry> entries) {

    /** One run's value of the cell. */
    public record Entry(String run, double value, double low, double high, double ratio, String verdict) {
    }

    static List<Comparison> of(Map<Run, List<Measurement>> measurements) {
        List<Run> runs = new ArrayList<>(measurements.keySet());
        List<Comparison> comparisons = new ArrayList<>();
        if (runs.size() < 2) {
            return comparisons;
        }
        for (Measurement first : measurements.get(runs.getFirst())) {
            if (!first.origin().equals("measured")) {
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(runs.getFirst().id(), first.value(), first.low(), first.high(), 1.0, "baseline"));
            for (Run other : runs.subList(1, runs.size())) {
                measurements.get(other).stream()
                        .filter(m -> m.paper().equals(first.paper()) && m.table().equals(first.table()) && m.column().equals(first.column()) && sameVariant(m.row(), first.row()))
                        .findFirst()
                        .ifPresent(m -> entries.add(new Entry(other.id(), m.value(), m.low(), m.high(), m.value() / first.value(), verdict(first, m))));
            }
            if (entries.size() > 1) {
                comparisons.add(new Comparison(first.paper(), first.table(), first.column(), first.row().config(), first.unit(), entries));
            }
        }
        return comparisons;
    }

    /** Runs on different file systems are compared too (local vs NFS), so only the variant (e.g. cross-CPU) must match. */
    private static boolean sameVariant(RowLabel a, RowLabel b) {
        return variant(a).equals(variant(b));
    }

    private static String variant(RowLabel row) {
        int comma = row.config().indexOf(',');
        return comma < 0 ? "" : row.config().substring(comma + 1).trim();
    }

    static String verdict(Measurement a, Measurement b) {
        if (!a.hasInterval() || !b.hasInterval()) {
            return "no interval";
        }
        boolean overlap = a.low() <= b.high() && b.low() <= a.high();
        return overlap ? "within error" : "beyond error";
    }
}
