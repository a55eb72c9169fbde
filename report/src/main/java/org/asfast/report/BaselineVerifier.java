package org.asfast.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Recomputes every derived cell of Ousterhout's Tables 2-10 from the same row's raw cells, with the
 * paper's own definitions, and the derived figures of the other papers and of the texts
 * ({@link OtherPaperChecks}). Every printed number stands for an interval: the values that round to
 * it. A derived cell agrees when its printed interval meets the interval its inputs' printed
 * intervals give through the formula; otherwise it is an erratum: we keep the printed value and list
 * it. (One unit in the last printed digit, the old rule, hid errata whose inputs are precise.)
 * Ousterhout's MIPS ratings are definitions, not measurements, and are taken as exact.
 */
public final class BaselineVerifier {

    /** One way to recompute a printed cell: the value and the interval its inputs' rounding allows. */
    public record Reading(double value, double low, double high, String formula) {
    }

    /** One derived cell: as printed, as recomputed (one or more readings of the paper's words), and whether any reading agrees. */
    public record Check(BaselineCell printed, List<Reading> readings, boolean agrees) {
        /** The first reading's value. */
        public double recomputed() {
            return readings.getFirst().value();
        }

        /** Every reading's value, "14.1 or 24.5". */
        public String recomputedText() {
            return readings.stream().map(r -> Numbers.readable(r.value())).collect(Collectors.joining(" or "));
        }

        public String formula() {
            return readings.stream().map(Reading::formula).collect(Collectors.joining("; or "));
        }
    }

    private BaselineVerifier() {
    }

    public static List<Check> verify(Baselines baselines) {
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, OusterhoutTables.Definition> entry : OusterhoutTables.DEFINITIONS.entrySet()) {
            for (BaselineCell cell : baselines.table(OusterhoutTables.PAPER, entry.getKey()).cells()) {
                recompute(baselines, entry.getValue(), cell).ifPresent(checks::add);
            }
        }
        checks.addAll(OtherPaperChecks.verify(baselines));
        checks.sort(TableIds.byPaperAndTable((Check c) -> c.printed().paper(), c -> c.printed().table())
                .thenComparing(c -> c.printed().row().toString()).thenComparing(c -> c.printed().column()));
        return checks;
    }

    /** Identifies a printed cell across all papers. */
    static String cellKey(BaselineCell c) {
        return c.paper() + "|" + c.table() + "|" + c.row() + "|" + c.column();
    }

    /** The checks that failed: printed values the paper's own definitions do not reproduce. */
    public static List<Check> errata(Baselines baselines) {
        return verify(baselines).stream().filter(c -> !c.agrees()).toList();
    }

    private static Optional<Check> recompute(Baselines baselines, OusterhoutTables.Definition def, BaselineCell cell) {
        if (!cell.isNumber()) {
            return Optional.empty();
        }
        String table = cell.table();
        RowLabel row = cell.row();
        String paper = OusterhoutTables.PAPER;
        switch (def.kind()) {
            case SUM -> {
                if (!cell.column().equals("Total")) {
                    return Optional.empty();
                }
                return Optional.of(check(baselines, cell, "Copy + Compile",
                        b -> b.require(paper, table, row, "Copy") + b.require(paper, table, row, "Compile")));
            }
            case ANDREW_RELATIVE -> {
                if (!new OusterhoutTables(baselines).andrewRelative(1, 1, row.config().equals("Local") ? null : 1.0).containsKey(cell.column())) {
                    return Optional.empty();
                }
                return Optional.of(check(baselines, cell, "from Table 7 totals: " + cell.column(), b -> {
                    OusterhoutTables tables = new OusterhoutTables(b);
                    double local = b.require(paper, "7", new RowLabel(row.machine(), row.os(), "Local"), "Total");
                    Double remote = row.config().equals("Local") ? null : b.require(paper, "7", row, "Total");
                    return tables.andrewRelative(tables.requireMips(row.machine()), local, remote).get(cell.column());
                }));
            }
            default -> {
                if (!cell.column().equals(def.derived())) {
                    return Optional.empty();
                }
                return Optional.of(check(baselines, cell, def.kind() + " from '" + def.basis() + "' against " + OusterhoutTables.reference(table, row), b -> {
                    OusterhoutTables tables = new OusterhoutTables(b);
                    double basis = b.require(paper, table, row, def.basis());
                    return tables.derive(table, row, basis, tables.requireMips(row.machine())).orElseThrow(() -> new org.asfast.spi.UserError(
                            "results/baselines has no " + OusterhoutTables.reference(table, row) + " cell for Table " + table + ", which the report needs; restore the baselines from git"));
                }));
            }
        }
    }

    /** A check with one reading. */
    static Check check(Baselines baselines, BaselineCell printed, String formula, ToDoubleFunction<Baselines> recompute) {
        return check(printed, List.of(reading(baselines, formula, recompute)));
    }

    /** A check with several readings of the paper's words: it agrees if any reading does. */
    static Check check(BaselineCell printed, List<Reading> readings) {
        double half = lastDigitUnit(printed.text()) / 2;
        double slack = 1e-9 * Math.max(1, Math.abs(printed.value()));
        boolean agrees = readings.stream().anyMatch(r -> r.low() <= printed.value() + half + slack && r.high() >= printed.value() - half - slack);
        return new Check(printed, List.copyOf(readings), agrees);
    }

    /**
     * Recomputes a value, and its interval: the formula at every combination of its inputs' ends
     * (each printed input ± half a unit in its last digit). The formulas are monotonic in each input,
     * so the corners bound them.
     */
    static Reading reading(Baselines baselines, String formula, ToDoubleFunction<Baselines> recompute) {
        Set<BaselineCell> read = new LinkedHashSet<>();
        double value = recompute.applyAsDouble(baselines.recording(read::add));
        List<BaselineCell> inputs = read.stream().filter(c -> !isDefinition(c)).toList();
        if (inputs.size() > 12) {
            throw new IllegalStateException(formula + " reads " + inputs.size() + " cells; too many corners");
        }
        double low = value;
        double high = value;
        for (int corner = 0; corner < 1 << inputs.size(); corner++) {
            Map<BaselineCell, Double> ends = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                BaselineCell c = inputs.get(i);
                double half = lastDigitUnit(c.text()) / 2;
                ends.put(c, c.value() + ((corner >> i & 1) == 0 ? -half : half));
            }
            double v = recompute.applyAsDouble(baselines.withValues(ends));
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return new Reading(value, low, high, formula);
    }

    /** Ousterhout's MIPS ratings define the MIPS-relative speed; the paper computes with them as printed. */
    private static boolean isDefinition(BaselineCell c) {
        return c.paper().equals(OusterhoutTables.PAPER) && c.table().equals("1");
    }

    /** The value of one unit in the last printed digit: 0.01 for "0.55", 1 for "21", 0.1 for "1.0". */
    static double lastDigitUnit(String printed) {
        return BigDecimal.ONE.scaleByPowerOfTen(-new BigDecimal(printed.trim()).scale()).doubleValue();
    }
}
