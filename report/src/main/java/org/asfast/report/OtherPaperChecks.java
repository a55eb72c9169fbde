package org.asfast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The derived numbers of the other four papers, and the figures the texts derive from their own
 * tables, recomputed from the cells they come from: V's data rates, the NFS traffic shares and ratios
 * of the rmem paper, and the percentages, ratios and ranges Ousterhout's text draws from his tables.
 */
final class OtherPaperChecks {
    private OtherPaperChecks() {
    }

    /** One way to recompute a figure: the formula in words and the computation. */
    private record Formula(String words, ToDoubleFunction<Baselines> recompute) {
    }

    /**
     * A derived cell: which one, and how to recompute it. Several formulas are several readings of the
     * paper's words; the cell agrees if any of them does.
     */
    private record Rule(String paper, String table, Predicate<RowLabel> row, String column, List<Formula> formulas) {
    }

    private static Rule rule(String paper, String table, String config, String column, String words, ToDoubleFunction<Baselines> recompute) {
        return new Rule(paper, table, r -> r.config().equals(config), column, List.of(new Formula(words, recompute)));
    }

    private static Rule rule(String paper, String table, RowLabel row, String column, String words, ToDoubleFunction<Baselines> recompute) {
        return new Rule(paper, table, row::equals, column, List.of(new Formula(words, recompute)));
    }

    /** A printed number, by its configuration (or activity) and column. */
    private static double cell(Baselines b, String paper, String table, String config, String column) {
        return b.cell(paper, table, c -> c.row().config().equals(config) && c.column().equals(column))
                .orElseThrow(() -> new IllegalStateException("no cell " + paper + " " + table + " " + config + " " + column)).value();
    }

    /** A printed number of Ousterhout's, by its full row. */
    private static double ousterhout(Baselines b, String table, String machine, String os, String config, String column) {
        return b.value(OusterhoutTables.PAPER, table, new RowLabel(machine, os, config), column)
                .orElseThrow(() -> new IllegalStateException("no cell of Table " + table + ": " + machine + " " + os + " " + config + " " + column));
    }

    /** How much longer time a is than time b, in percent. */
    private static double slower(double a, double b) {
        return (a / b - 1) * 100;
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        // Cheriton, Table I: data rate = segment bits / elapsed time; with no segment, the 32-byte response.
        for (String kb : List.of("0", "1", "4", "8", "12", "16")) {
            double bytes = kb.equals("0") ? 32 : Integer.parseInt(kb) * 1024.0;
            rules.add(rule("cheriton1988", "I", kb + " Kbytes", "Data Rate", bytes + " bytes * 8 / Time",
                    b -> bytes * 8 / (cell(b, "cheriton1988", "I", kb + " Kbytes", "Time") * 1e-3) / 1e6));
        }
        rules.add(rule("cheriton1988", "text", "", "difference between local and remote 8 Kbyte access", "17.8 ms (remote) - 2.7 ms (local), from the text",
                b -> cell(b, "cheriton1988", "text", "remote", "request with an 8 Kbyte response") - cell(b, "cheriton1988", "text", "local", "request with an 8 Kbyte response")));
        rules.add(rule("cheriton1988", "text", "", "getbyte rate", "1 Kbyte / Table II getbyte time",
                b -> 1 / (cell(b, "cheriton1988", "II", "Local", "getbyte") * 1e-3)));
        rules.add(rule("cheriton1988", "text", "", "getbyte time per byte", "Table II getbyte time / 1024",
                b -> cell(b, "cheriton1988", "II", "Local", "getbyte") * 1000 / 1024));
        rules.add(rule("cheriton1988", "text", "remote", "UIO overhead, block reads", "(Disk (blocks) - IPC) / Disk (blocks), remote",
                b -> (cell(b, "cheriton1988", "II", "Remote", "Disk (blocks)") - cell(b, "cheriton1988", "II", "Remote", "IPC"))
                        / cell(b, "cheriton1988", "II", "Remote", "Disk (blocks)") * 100));
        // The byte-stream overhead read as the block one is: what is neither getbyte nor IPC, as a share of the whole, or of
        // the whole without getbyte. Neither gives the printed figure.
        ToDoubleFunction<Baselines> byteOverhead = b -> cell(b, "cheriton1988", "II", "Remote", "Disk (bytes)")
                - cell(b, "cheriton1988", "II", "Remote", "getbyte") - cell(b, "cheriton1988", "II", "Remote", "IPC");
        rules.add(new Rule("cheriton1988", "text", r -> r.config().equals("remote"), "UIO overhead, byte-stream reads", List.of(
                new Formula("(Disk (bytes) - getbyte - IPC) / Disk (bytes), remote",
                        b -> byteOverhead.applyAsDouble(b) / cell(b, "cheriton1988", "II", "Remote", "Disk (bytes)") * 100),
                new Formula("(Disk (bytes) - getbyte - IPC) / (Disk (bytes) - getbyte), remote",
                        b -> byteOverhead.applyAsDouble(b) / (cell(b, "cheriton1988", "II", "Remote", "Disk (bytes)")
                                - cell(b, "cheriton1988", "II", "Remote", "getbyte")) * 100))));
        // Thekkath, Table 1a: share of all calls; Table 1b: control over data traffic.
        for (String activity : List.of("Get File Attribute", "Lookup File Name", "Read File Data", "Null Ping Call", "Read Symbolic Link",
                "Read Directory Contents", "Read File System Stats.", "Write File Data", "Other", "Total")) {
            rules.add(rule("thekkath1994", "1a", activity, "Percentage of Total", "Number of Calls / Total * 100",
                    b -> cell(b, "thekkath1994", "1a", activity, "Number of Calls") / cell(b, "thekkath1994", "1a", "Total", "Number of Calls") * 100));
        }
        for (String activity : List.of("Get File Attribute", "Lookup File Name", "Read File Data", "Read Symbolic Link", "Read Directory Contents",
                "Read File System Stats.", "Write File Data", "Overall Total")) {
            rules.add(rule("thekkath1994", "1b", activity, "Control / Data", "Control / Data",
                    b -> cell(b, "thekkath1994", "1b", activity, "Control") / cell(b, "thekkath1994", "1b", activity, "Data")));
        }
        rules.add(rule("thekkath1994", "text", "", "control traffic share of all NFS traffic", "Table 1b: Control / (Control + Data), overall",
                b -> cell(b, "thekkath1994", "1b", "Overall Total", "Control")
                        / (cell(b, "thekkath1994", "1b", "Overall Total", "Control") + cell(b, "thekkath1994", "1b", "Overall Total", "Data")) * 100));
        rules.add(rule("thekkath1994", "text", "", "lookup: uncached minus cached", "Table 3: Import uncached - cached",
                b -> cell(b, "thekkath1994", "3", "Import (LOOKUP)", "Uncached") - cell(b, "thekkath1994", "3", "Import (LOOKUP)", "Cached")));
        rules.add(rule("thekkath1994", "text", "", "share of Table 1a's calls that read symbolic links or directories",
                "Table 1a: (Read Symbolic Link + Read Directory Contents calls) / Total * 100",
                b -> (cell(b, "thekkath1994", "1a", "Read Symbolic Link", "Number of Calls") + cell(b, "thekkath1994", "1a", "Read Directory Contents", "Number of Calls"))
                        / cell(b, "thekkath1994", "1a", "Total", "Number of Calls") * 100));
        rules.addAll(ousterhoutText());
        return rules;
    }

    /** The figures Ousterhout's text draws from his tables. */
    private static List<Rule> ousterhoutText() {
        String p = OusterhoutTables.PAPER;
        List<Rule> rules = new ArrayList<>();
        rules.add(rule(p, "text", new RowLabel("M2000", "RISC/os 4.0", ""), "select wait when no pipe is readable", "Table 4: M2000 RISC/os 4.0, 1 pipe, in ms",
                b -> ousterhout(b, "4", "M2000", "RISC/os 4.0", "", "1 pipe") / 1000));
        rules.add(rule(p, "text", new RowLabel("DS3100", "Sprite", "Diskless"), "Andrew: faster remotely than DS5000 Ultrix 3.1D NFS",
                "Table 7 Totals: DS5000 Ultrix 3.1D NFS / DS3100 Sprite Diskless - 1",
                b -> slower(ousterhout(b, "7", "DS5000", "Ultrix 3.1D", "NFS", "Total"), ousterhout(b, "7", "DS3100", "Sprite", "Diskless", "Total"))));
        rules.add(rule(p, "text", new RowLabel("DS3100", "Ultrix 3.1", "Local"), "Andrew: slower than DS3100 Mach 2.5 Local",
                "Table 7 Totals: DS3100 Ultrix 3.1 Local / DS3100 Mach 2.5 Local - 1 (the Compile column alone gives the printed figure)",
                b -> slower(ousterhout(b, "7", "DS3100", "Ultrix 3.1", "Local", "Total"), ousterhout(b, "7", "DS3100", "Mach 2.5", "Local", "Total"))));
        rules.add(rule(p, "text", new RowLabel("DS3100", "Ultrix 3.1", "Local"), "Andrew: slower than DS3100 Sprite Local",
                "Table 7 Totals: DS3100 Ultrix 3.1 Local / DS3100 Sprite Local - 1",
                b -> slower(ousterhout(b, "7", "DS3100", "Ultrix 3.1", "Local", "Total"), ousterhout(b, "7", "DS3100", "Sprite", "Local", "Total"))));
        // "The UNIX derivatives all required 35-100 ms": Table 10's local no-data times of every system but Sprite.
        ToDoubleFunction<Baselines> fastest = b -> unixNoData(b).min().orElseThrow();
        ToDoubleFunction<Baselines> slowest = b -> unixNoData(b).max().orElseThrow();
        rules.add(rule(p, "text", new RowLabel("", "UNIX derivatives", "Local"), "create-delete No data (low end)",
                "Table 10: the smallest No data time of the local rows other than Sprite's (M2000 RISC/os 4.0)", fastest));
        rules.add(rule(p, "text", new RowLabel("", "UNIX derivatives", "Local"), "create-delete No data (high end)",
                "Table 10: the largest No data time of the local rows other than Sprite's (MVAX2 Ultrix 3.0)", slowest));
        rules.add(rule(p, "text", new RowLabel("DS3100", "Ultrix 3.1", "Local"), "create-delete No data: greater than 8800 Ultrix 3.0 Local",
                "Table 10 No data: DS3100 Ultrix 3.1 Local / 8800 Ultrix 3.0 Local - 1",
                b -> slower(ousterhout(b, "10", "DS3100", "Ultrix 3.1", "Local", "No data"), ousterhout(b, "10", "8800", "Ultrix 3.0", "Local", "No data"))));
        rules.add(rule(p, "text", new RowLabel("DS3100", "Ultrix 3.1", "NFS"), "create-delete 100 kbytes: times as long as DS3100 Sprite Diskless",
                "Table 10, 100 kbytes: DS3100 Ultrix 3.1 NFS / DS3100 Sprite Remote (Diskless)",
                b -> ousterhout(b, "10", "DS3100", "Ultrix 3.1", "NFS", "100 kbytes") / ousterhout(b, "10", "DS3100", "Sprite", "Remote", "100 kbytes")));
        return rules;
    }

    private static java.util.stream.DoubleStream unixNoData(Baselines b) {
        List<RowLabel> rows = b.table(OusterhoutTables.PAPER, "10").cells().stream()
                .filter(c -> c.column().equals("No data") && c.row().config().equals("Local") && !c.row().os().equals("Sprite"))
                .map(BaselineCell::row).toList();
        return rows.stream().mapToDouble(r -> b.value(OusterhoutTables.PAPER, "10", r, "No data").orElseThrow());
    }

    static List<BaselineVerifier.Check> verify(Baselines baselines) {
        List<BaselineVerifier.Check> checks = new ArrayList<>();
        for (Rule rule : rules()) {
            BaselineCell printed = baselines.find(rule.paper(), rule.table()).flatMap(t -> t.cells().stream()
                            .filter(c -> rule.row().test(c.row()) && c.column().equals(rule.column())).findFirst())
                    .orElseThrow(() -> new IllegalStateException("no printed cell for " + rule.paper() + " " + rule.table() + " " + rule.column()));
            checks.add(BaselineVerifier.check(printed, rule.formulas().stream()
                    .map(f -> BaselineVerifier.reading(baselines, f.words(), f.recompute())).toList()));
        }
        return checks;
    }
}
