package org.asfast.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each of Ousterhout's Tables 2-10 derives its last column(s) from its raw columns. The
 * definitions are the paper's; the numbers they work on come from the baselines or from a run.
 */
public final class OusterhoutTables {
    public static final String PAPER = "ousterhout1990";
    public static final String MIPS_RELATIVE = "MIPS-Relative Speed";
    /** The tables whose rows have no configuration column (machine and system only). */
    static final java.util.Set<String> WITHOUT_CONFIG = java.util.Set.of("2", "3", "4", "5", "6");
    static final RowLabel MVAX2 = new RowLabel("MVAX2", "Ultrix 3.0", "");
    static final RowLabel MVAX2_LOCAL = new RowLabel("MVAX2", "Ultrix 3.0", "Local");
    static final RowLabel MVAX2_NFS = new RowLabel("MVAX2", "Ultrix 3.0", "NFS");

    /** How a table's derived column comes from its basis column. */
    public enum Kind {
        /** MIPS-relative from times (Tables 2, 3, 4, 9, 10). */
        TIME,
        /** MIPS-relative from bandwidths (Table 6). */
        BANDWIDTH,
        /** Mbytes/s per MIPS (Table 5). */
        PER_MIPS,
        /** Total = Copy + Compile (Table 7). */
        SUM,
        /** Local and remote MIPS-relative and remote penalty, from Table 7's totals (Table 8). */
        ANDREW_RELATIVE
    }

    /**
     * @param table the table
     * @param rawColumns the measured columns, in the paper's order
     * @param basis the column the derived value is computed from
     * @param derived the derived column
     * @param kind the rule
     */
    public record Definition(String table, List<String> rawColumns, String basis, String derived, Kind kind) {
    }

    public static final Map<String, Definition> DEFINITIONS = Map.of(
            "2", new Definition("2", List.of("Time"), "Time", MIPS_RELATIVE, Kind.TIME),
            "3", new Definition("3", List.of("Time"), "Time", MIPS_RELATIVE, Kind.TIME),
            "4", new Definition("4", List.of("1 pipe", "10 empty", "10 full"), "10 full", MIPS_RELATIVE, Kind.TIME),
            "5", new Definition("5", List.of("Cached", "Uncached"), "Uncached", "Mbytes/MIPS", Kind.PER_MIPS),
            "6", new Definition("6", List.of("Bandwidth"), "Bandwidth", MIPS_RELATIVE, Kind.BANDWIDTH),
            "7", new Definition("7", List.of("Copy", "Compile"), "Total", "Total", Kind.SUM),
            "8", new Definition("8", List.of(), "Total", "Remote Penalty", Kind.ANDREW_RELATIVE),
            "9", new Definition("9", List.of("foo", "a/b/c/foo"), "foo", MIPS_RELATIVE, Kind.TIME),
            "10", new Definition("10", List.of("No data", "10 kbytes", "100 kbytes"), "No data", MIPS_RELATIVE, Kind.TIME));

    private final Baselines baselines;

    public OusterhoutTables(Baselines baselines) {
        this.baselines = baselines;
    }

    /** A machine's MIPS rating from Table 1. */
    public Optional<Double> mips(String machine) {
        return baselines.value(PAPER, "1", new RowLabel(machine, "", ""), "MIPS");
    }

    /** A machine's MIPS rating from Table 1, or a {@link org.asfast.spi.UserError} naming the missing cell. */
    public double requireMips(String machine) {
        return baselines.require(PAPER, "1", new RowLabel(machine, "", ""), "MIPS");
    }

    /** The MVAX2 reference row for a row of the given table: NFS for remote rows of Tables 9 and 10. */
    static RowLabel reference(String table, RowLabel row) {
        return switch (table) {
            case "9", "10" -> row.isRemote() ? MVAX2_NFS : MVAX2_LOCAL;
            default -> MVAX2;
        };
    }

    /**
     * The derived value of Tables 2-6, 9 and 10 for a row whose basis value is {@code basis} on a
     * machine of {@code mips} MIPS.
     */
    public Optional<Double> derive(String table, RowLabel row, double basis, double mips) {
        Definition def = DEFINITIONS.get(table);
        double referenceMips = requireMips("MVAX2");
        return switch (def.kind()) {
            case TIME -> baselines.value(PAPER, table, reference(table, row), def.basis())
                    .map(ref -> MipsRelative.fromTimes(ref, basis, mips, referenceMips));
            case BANDWIDTH -> baselines.value(PAPER, table, reference(table, row), def.basis())
                    .map(ref -> MipsRelative.fromBandwidths(ref, basis, mips, referenceMips));
            case PER_MIPS -> Optional.of(MipsRelative.perMips(basis, mips));
            case SUM, ANDREW_RELATIVE -> throw new IllegalArgumentException("table " + table + " is derived from several columns");
        };
    }

    /** Table 8's MIPS-relative Andrew speed for a total in seconds, against MVAX2 Ultrix 3.0 Local or NFS. */
    public double andrewMipsRelative(double mips, double total, boolean remote) {
        double reference = baselines.require(PAPER, "7", remote ? MVAX2_NFS : MVAX2_LOCAL, "Total");
        return MipsRelative.fromTimes(reference, total, mips, requireMips("MVAX2"));
    }

    /** Table 8's three columns for a machine from its local and (if any) remote Andrew totals, in seconds. */
    public Map<String, Double> andrewRelative(double mips, double localTotal, Double remoteTotal) {
        java.util.LinkedHashMap<String, Double> result = new java.util.LinkedHashMap<>();
        result.put("MIPS-Relative Speed (Local)", andrewMipsRelative(mips, localTotal, false));
        if (remoteTotal != null) {
            result.put("MIPS-Relative Speed (Remote)", andrewMipsRelative(mips, remoteTotal, true));
            result.put("Remote Penalty", MipsRelative.remotePenaltyPercent(localTotal, remoteTotal));
        }
        return result;
    }
}
