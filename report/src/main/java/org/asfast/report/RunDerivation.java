package org.asfast.report;

import java.util.ArrayList;
import java.util.List;

import org.asfast.spi.PlatformKind;
import org.asfast.workloads.WorkloadRegistry;

/**
 * Turns a run's JMH results into the paper cells the registry ({@code workloads.csv}) says they fill: converts units (time per operation to
 * µs, ms, s or Mbytes/s), adds Table 7's total, and computes each table's MIPS-relative column
 * against the MVAX2 rows of the baselines with the host MIPS recorded in the run.
 */
public final class RunDerivation {
    /** Ousterhout's "Mbytes": 2^20 bytes. */
    public static final double MBYTE = 1 << 20;
    /** A megabit of the networks' "Mb/s": 10^6 bits. */
    static final double MEGABIT = 1e6;
    static final String THEKKATH = "thekkath1994";
    /** Thekkath Table 2's latency row, and the row of its Write measured with the notification bit set (not a paper cell). */
    static final String LATENCY = "Latency";
    static final String LATENCY_NOTIFIED = "Latency with notification";

    private RunDerivation() {
    }

    /** Every cell this run fills, measured ones first, then the derived ones, then those a platform could not ("n/a"). */
    public static List<Measurement> measurements(Run run, Baselines baselines) {
        List<Measurement> measured = new ArrayList<>();
        for (JmhResult result : run.results()) {
            mappingsFor(result).forEach(m -> measured.add(convert(run, result, m)));
        }
        List<Measurement> all = new ArrayList<>(measured);
        all.addAll(andrewTotals(measured));
        all.addAll(notificationOverheads(measured));
        all.addAll(mipsRelative(run, baselines, all));
        all.addAll(notAvailable(run));
        return all;
    }

    /** The table cells these results fill, converted as a run's measured results are (for the C loops of cbench.json). */
    static List<Measurement> measuredCells(Run run, List<JmhResult> results) {
        List<Measurement> cells = new ArrayList<>();
        for (JmhResult result : results) {
            mappingsFor(result).forEach(m -> cells.add(convert(run, result, m)));
        }
        return cells;
    }

    /** The registry's cells a JMH result fills on its platform: one, or a table's cell and the text figures that repeat it. */
    static List<WorkloadRegistry.Entry> mappingsFor(JmhResult result) {
        String platform = result.params().getOrDefault("platform", "host");
        return WorkloadRegistry.entries().stream().filter(e -> e.matches(result.benchmark(), result.params()) && e.runsOn(platform)).toList();
    }

    /** What "n/a" shows: a cell whose platform lacks the capability its workload needs. */
    public static final String NOT_AVAILABLE = "n/a";
    /** What a quick run shows for a live cell only the full profile measures (single shots). */
    public static final String FULL_PROFILE_ONLY = "full profile only";

    /** True for a cell the run has no value for: "n/a", or "full profile only". */
    public static boolean unmeasured(Measurement m) {
        return m.origin().equals(NOT_AVAILABLE) || m.origin().equals(FULL_PROFILE_ONLY);
    }

    /**
     * The cells the run could not fill because a platform lacks a capability (environment.json, notAvailable), or that a
     * quick run left to the full profile (fullProfileOnly): each the registry's cells of that workload on that platform,
     * with no value and origin "n/a" or "full profile only".
     */
    static List<Measurement> notAvailable(Run run) {
        List<Measurement> cells = new ArrayList<>();
        for (Run.NotAvailable missing : run.notAvailable().stream().distinct().toList()) {
            cells.addAll(unmeasured(run, missing, NOT_AVAILABLE, missing.platform() + " has no " + missing.capability()));
        }
        for (Run.NotAvailable later : run.fullProfileOnly().stream().distinct().toList()) {
            cells.addAll(unmeasured(run, later, FULL_PROFILE_ONLY, later.workload() + "'s single shots on " + later.platform()
                    + " run in the full profile only (./asfast verify --full): they take longer than the quick job has"));
        }
        return cells;
    }

    private static List<Measurement> unmeasured(Run run, Run.NotAvailable cell, String origin, String why) {
        List<Measurement> cells = new ArrayList<>();
        for (WorkloadRegistry.Entry e : WorkloadRegistry.entries()) {
            // a cell the full profile fills is one a live platform is named for, not the platform's own row in Ousterhout's tables
            if (e.workload().equals(cell.workload()) && (origin.equals(NOT_AVAILABLE) ? e.runsOn(cell.platform()) : e.platforms().contains(cell.platform()))) {
                cells.add(new Measurement(e.paper(), e.table(), rowOf(run, e, cell.platform()), e.column(), e.unit(), Double.NaN, Double.NaN, Double.NaN, origin, why));
            }
        }
        return cells;
    }

    /** A cell's row: the paper's row named by the registry, on this platform (a live system in Douglis's column), or the platform's own row. */
    private static RowLabel rowOf(Run run, WorkloadRegistry.Entry e, String platform) {
        RowLabel own = run.row(e.variant(), platform);
        if (!e.row().isEmpty()) {
            return new RowLabel(own.machine(), e.row().get(1), e.row().get(2));
        }
        return run.kind(platform) == PlatformKind.MODELLED ? modelRow(e.paper(), e.table(), own) : own;
    }

    private static Measurement convert(Run run, JmhResult result, WorkloadRegistry.Entry m) {
        String platform = result.params().getOrDefault("platform", "host");
        PlatformKind kind = run.kind(platform);
        if (kind.virtualTime()) {
            // A platform with a virtual clock: its virtual time is the result, exact, with no interval.
            java.util.OptionalDouble virtual = result.virtualNanosPerOperation();
            if (virtual.isEmpty()) {
                throw new org.asfast.spi.UserError("run " + run.id() + ": " + result.benchmark() + " on the " + kind.label() + " platform '" + platform
                        + "' reports no virtual time (JMH secondary results virtualNanos and operations); its benchmark must take VirtualTime");
            }
            result = new JmhResult(result.benchmark(), result.params(), virtual.getAsDouble(), Double.NaN, Double.NaN, "ns/op",
                    result.samples(), result.secondary());
        }
        double toSeconds = result.secondsPerUnit();
        double value;
        double low;
        double high;
        if (m.conversion().equals("bandwidth")) {
            double bytesPerOp = result.bytesPerOperation();
            if (!(bytesPerOp > 0) || Double.isInfinite(bytesPerOp)) {
                throw new org.asfast.spi.UserError("run " + run.id() + ": " + result.benchmark() + " records no bytes per operation (JMH secondary results bytes"
                        + " and operations), so its bandwidth cannot be computed; its benchmark must count VirtualTime.bytes");
            }
            double unitBytes = switch (m.unit()) {
                case "KB/s" -> 1024;
                case "Mb/s" -> MEGABIT / 8; // Thekkath's network figures: 10^6 bits
                default -> MBYTE;
            };
            value = bytesPerOp / (result.score() * toSeconds) / unitBytes;
            low = bytesPerOp / (result.high() * toSeconds) / unitBytes;   // a longer time is a lower bandwidth
            // A time interval reaching zero or below (few, scattered samples) leaves the bandwidth no upper bound.
            high = !(result.low() <= 0) ? bytesPerOp / (result.low() * toSeconds) / unitBytes : Double.POSITIVE_INFINITY; // NaN stays NaN
        } else {
            double scale = toSeconds / secondsIn(m.unit());
            value = result.score() * scale;
            low = result.low() * scale;
            high = result.high() * scale;
        }
        RowLabel row = rowOf(run, m, platform);
        return new Measurement(m.paper(), m.table(), row, m.column(), m.unit(),
                value, low, high, kind.label(), result.benchmark() + paramsText(result));
    }

    /**
     * A modelled row labelled as the table labels the paper's: Ousterhout's Tables 2-6 have no
     * configuration, and his Table 10 calls Sprite's diskless rows "Remote". Other papers' rows are as given.
     */
    public static RowLabel modelRow(String paper, String table, RowLabel row) {
        if (!paper.equals(OusterhoutTables.PAPER)) {
            return row;
        }
        if (OusterhoutTables.WITHOUT_CONFIG.contains(table)) {
            return new RowLabel(row.machine(), row.os(), "");
        }
        if (table.equals("10") && row.config().equals("Diskless")) {
            return new RowLabel(row.machine(), row.os(), "Remote");
        }
        return row;
    }

    /** Table 7: Total = Copy + Compile, its interval {@link Combined}'s (none when either part has none, as the model's have none). */
    static List<Measurement> andrewTotals(List<Measurement> measured) {
        List<Measurement> totals = new ArrayList<>();
        for (Measurement copy : measured) {
            if (!isOusterhout(copy, "7") || !copy.column().equals("Copy")) {
                continue;
            }
            measured.stream().filter(c -> isOusterhout(c, "7") && c.column().equals("Compile") && c.row().equals(copy.row()))
                    .findFirst().ifPresent(compile -> {
                        Combined total = Combined.sum(copy, compile);
                        totals.add(new Measurement(OusterhoutTables.PAPER, "7", copy.row(), "Total", "s", total.value(), total.low(), total.high(), "derived",
                                "Copy + Compile"));
                    });
        }
        return totals;
    }

    /**
     * Thekkath Table 2's Notification Overhead, "the overhead, in addition to the read/write request, that is incurred
     * when the notification bit is set" (§3.1.2): a row's Write with the bit set less its Write without, on the same
     * platform, its interval {@link Combined}'s. A negative
     * difference, or an interval reaching across 0, is said so in the cell's note: no overhead was measured.
     */
    static List<Measurement> notificationOverheads(List<Measurement> measured) {
        List<Measurement> overheads = new ArrayList<>();
        for (Measurement notified : measured) {
            if (!isThekkathWrite(notified, LATENCY_NOTIFIED)) {
                continue;
            }
            measured.stream().filter(plain -> isThekkathWrite(plain, LATENCY) && plain.row().machine().equals(notified.row().machine())
                    && plain.row().os().equals(notified.row().os()) && plain.unit().equals(notified.unit())
                    && platformOf(plain).equals(platformOf(notified))).findFirst().ifPresent(plain -> {
                        Combined overhead = Combined.difference(notified, plain);
                        String caveat = overhead.value() < 0 ? " (negative: the notified Write measured faster than the plain one)"
                                : overhead.low() <= 0 ? " (its interval reaches 0: not told apart from no overhead)" : "";
                        overheads.add(new Measurement(THEKKATH, "2", new RowLabel(plain.row().machine(), plain.row().os(), "Notification Overhead"), "all operations",
                                plain.unit(), overhead.value(), overhead.low(), overhead.high(), "derived",
                                "Write with notification less Write: " + notified.benchmark() + " less " + plain.benchmark() + caveat));
                    });
        }
        return overheads;
    }

    private static final java.util.regex.Pattern PLATFORM_PARAM = java.util.regex.Pattern.compile("[(, ]platform=([^,)]*)");

    /** The platform a measured cell was taken on, as {@link #paramsText} wrote it into the cell's benchmark ("host" without one). */
    static String platformOf(Measurement m) {
        java.util.regex.Matcher platform = PLATFORM_PARAM.matcher(m.benchmark());
        return platform.find() ? platform.group(1) : "host";
    }

    private static boolean isThekkathWrite(Measurement m, String config) {
        return m.paper().equals(THEKKATH) && m.table().equals("2") && m.column().equals("Write") && m.row().config().equals(config)
                && !unmeasured(m);
    }

    private static List<Measurement> mipsRelative(Run run, Baselines baselines, List<Measurement> cells) {
        OusterhoutTables tables = new OusterhoutTables(baselines);
        List<Measurement> derived = new ArrayList<>();
        for (Measurement cell : cells) {
            OusterhoutTables.Definition def = cell.paper().equals(OusterhoutTables.PAPER) ? OusterhoutTables.DEFINITIONS.get(cell.table()) : null;
            PlatformKind kind = run.kindOf(cell.row());
            boolean modelled = kind == PlatformKind.MODELLED;
            // A rating is needed: this computer's, measured with the run, or a modelled machine's, recorded with it.
            boolean rated = modelled ? run.modelPlatformOf(cell.row()) != null : kind == PlatformKind.MEASURED;
            if (def == null || !cell.column().equals(def.basis()) || !rated) {
                continue;
            }
            // The host's rating was measured with the run; a modelled machine's is its parameter (Table 1's rating).
            double mips = modelled ? modelMips(run, cell.row()) : run.hostMips();
            if (def.kind() == OusterhoutTables.Kind.SUM && modelled) {
                derived.addAll(modelAndrewRelative(tables, mips, cell, cells));
                continue;
            }
            if (def.kind() == OusterhoutTables.Kind.SUM) {
                boolean remote = cell.row().isRemote();
                derived.add(new Measurement(OusterhoutTables.PAPER, "8", cell.row(), remote ? "MIPS-Relative Speed (Remote)" : "MIPS-Relative Speed (Local)", "ratio",
                        tables.andrewMipsRelative(mips, cell.value(), remote), Double.NaN, Double.NaN, "derived",
                        "Table 7 Total against MVAX2 Ultrix 3.0 " + (remote ? "NFS" : "Local")));
                continue;
            }
            tables.derive(cell.table(), cell.row(), cell.value(), mips).ifPresent(value -> derived.add(new Measurement(
                    cell.paper(), cell.table(), cell.row(), def.derived(), def.kind() == OusterhoutTables.Kind.PER_MIPS ? "MB/s per MIPS" : "ratio",
                    value, Double.NaN, Double.NaN, "derived",
                    def.kind() + " of '" + def.basis() + "' against " + OusterhoutTables.reference(cell.table(), cell.row())
                            + (modelled ? ", modelled " + Numbers.readable(mips) : ", host " + Math.round(mips)) + " MIPS")));
        }
        return derived;
    }

    /** Table 8 for a modelled row: its MIPS-relative Andrew speed, and for a remote row the local one and the penalty. */
    private static List<Measurement> modelAndrewRelative(OusterhoutTables tables, double mips, Measurement total, List<Measurement> cells) {
        List<Measurement> out = new ArrayList<>();
        boolean remote = total.row().isRemote();
        String what = "Table 7 Total of the model against MVAX2 Ultrix 3.0 " + (remote ? "NFS" : "Local") + " (paper)";
        out.add(new Measurement(OusterhoutTables.PAPER, "8", total.row(), remote ? "MIPS-Relative Speed (Remote)" : "MIPS-Relative Speed (Local)", "ratio",
                tables.andrewMipsRelative(mips, total.value(), remote), Double.NaN, Double.NaN, "derived", what));
        if (remote) {
            RowLabel localRow = new RowLabel(total.row().machine(), total.row().os(), "Local");
            cells.stream().filter(c -> isOusterhout(c, "7") && c.column().equals("Total") && c.row().equals(localRow)).findFirst().ifPresent(local -> {
                String source = "Table 7 Totals of the model's " + localRow + " and " + total.row() + " rows";
                out.add(new Measurement(OusterhoutTables.PAPER, "8", total.row(), "MIPS-Relative Speed (Local)", "ratio",
                        tables.andrewMipsRelative(mips, local.value(), false), Double.NaN, Double.NaN, "derived", source));
                out.add(new Measurement(OusterhoutTables.PAPER, "8", total.row(), "Remote Penalty", "%",
                        MipsRelative.remotePenaltyPercent(local.value(), total.value()), Double.NaN, Double.NaN, "derived", source));
            });
        }
        return out;
    }

    private static double modelMips(Run run, RowLabel row) {
        var platform = run.modelPlatformOf(row);
        if (platform == null) {
            throw new IllegalStateException("no modelled platform in run " + run.id() + " for row " + row);
        }
        return platform.path("mips").asDouble();
    }

    static boolean isOusterhout(Measurement m, String table) {
        return m.paper().equals(OusterhoutTables.PAPER) && m.table().equals(table);
    }

    /**
     * The sum or difference of two independent figures: the value, and an interval whose half-width is the two
     * half-widths in quadrature. A side without an interval is unknown, not ±0, so the result then has none (NaN bounds);
     * counting it as ±0 gave Table 7's total the other side's interval alone, or a model's total ±0.
     */
    record Combined(double value, double low, double high) {
        static Combined sum(Measurement a, Measurement b) {
            return of(a.value() + b.value(), a, b);
        }

        static Combined difference(Measurement a, Measurement b) {
            return of(a.value() - b.value(), a, b);
        }

        private static Combined of(double value, Measurement a, Measurement b) {
            double half = a.hasInterval() && b.hasInterval() ? Math.hypot((a.high() - a.low()) / 2, (b.high() - b.low()) / 2) : Double.NaN;
            return new Combined(value, value - half, value + half);
        }
    }

    private static double secondsIn(String unit) {
        return switch (unit) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            default -> throw new IllegalArgumentException("not a time unit: " + unit);
        };
    }

    private static String paramsText(JmhResult result) {
        StringBuilder text = new StringBuilder();
        result.params().forEach((k, v) -> text.append(text.isEmpty() ? "(" : ", ").append(k).append('=').append(v));
        return text.isEmpty() ? "" : text.append(')').toString();
    }
}
