package org.asfast.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes every derived cell of Ousterhout's Tables 2-10 from the same row's raw cells, with the
 * paper's own definitions. A printed value that differs from its recomputation by more than one
 * unit in its last printed digit is an erratum: we keep the printed value and list it.
 */
public final class BaselineVerifier {

    /** One derived cell: as printed, as recomputed, and whether they agree. */
    public record Check(BaselineCell printed, double recomputed, String formula, boolean agrees) {
    }

    private BaselineVerifier() {
    }

    public static List<Check> verify(Baselines baselines) {
        OusterhoutTables tables = new OusterhoutTables(baselines);
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, OusterhoutTables.Definition> entry : OusterhoutTables.DEFINITIONS.entrySet()) {
            String table = entry.getKey();
            OusterhoutTables.Definition def = entry.getValue();
            for (BaselineCell cell : baselines.table(OusterhoutTables.PAPER, table).cells()) {
                recompute(baselines, tables, def, cell).ifPresent(checks::add);
            }
        }
        checks.sort(TableIds.byPaperAndTable((Check c) -> c.printed().paper(), c -> c.printed().table())
                .thenComparing(c -> c.printed().row().toString()).thenComparing(c -> c.printed().column()));
        checks.addAll(OtherPaperChecks.verify(baselines));
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

    private static Optional<Check> recompute(Baselines baselines, OusterhoutTables tables, OusterhoutTables.Definition def, BaselineCell cell) {
        String table = cell.table();
        RowLabel row = cell.row();
        switch (def.kind()) {
            case SUM -> {
                if (!cell.column().equals("Total")) {
                    return Optional.empty();
                }
                double copy = baselines.value(OusterhoutTables.PAPER, table, row, "Copy").orElseThrow();
                double compile = baselines.value(OusterhoutTables.PAPER, table, row, "Compile").orElseThrow();
                return Optional.of(check(cell, copy + compile, "Copy + Compile"));
            }
            case ANDREW_RELATIVE -> {
                double mips = tables.mips(row.machine()).orElseThrow();
                double local = baselines.value(OusterhoutTables.PAPER, "7", new RowLabel(row.machine(), row.os(), "Local"), "Total").orElseThrow();
                Double remote = row.config().equals("Local") ? null
                        : baselines.value(OusterhoutTables.PAPER, "7", row, "Total").orElseThrow();
                Double value = tables.andrewRelative(mips, local, remote).get(cell.column());
                return Optional.ofNullable(value).map(v -> check(cell, v, "from Table 7 totals: " + cell.column()));
            }
            default -> {
                if (!cell.column().equals(def.derived())) {
                    return Optional.empty();
                }
                double basis = baselines.value(OusterhoutTables.PAPER, table, row, def.basis()).orElseThrow();
                double mips = tables.mips(row.machine()).orElseThrow();
                return tables.derive(table, row, basis, mips)
                        .map(v -> check(cell, v, def.kind() + " from '" + def.basis() + "' against " + OusterhoutTables.reference(table, row)));
            }
        }
    }

    static Check check(BaselineCell printed, double recomputed, String formula) {
        double unit = lastDigitUnit(printed.text());
        boolean agrees = Math.abs(recomputed - printed.value()) <= unit * (1 + 1e-9);
        return new Check(printed, recomputed, formula, agrees);
    }

    /** The value of one unit in the last printed digit: 0.01 for "0.55", 1 for "21", 0.1 for "1.0". */
    static double lastDigitUnit(String printed) {
        return BigDecimal.ONE.scaleByPowerOfTen(-new BigDecimal(printed.trim()).scale()).doubleValue();
    }
}
