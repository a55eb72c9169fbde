package org.asfast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The derived numbers of the other four papers, recomputed from the cells they are derived from:
 * V's data rates, the NFS traffic shares and ratios of the rmem paper, and the figures the texts
 * derive from their own tables.
 */
final class OtherPaperChecks {
    private OtherPaperChecks() {
    }

    /** A derived cell: which one, how to recompute it from the baselines, and the formula in words. */
    private record Rule(String paper, String table, String config, String column, String formula, ToDoubleFunction<Baselines> recompute) {
    }

    private static double cell(Baselines b, String paper, String table, String config, String column) {
        return b.tables().stream().filter(t -> t.paper().equals(paper) && t.table().equals(table)).flatMap(t -> t.cells().stream())
                .filter(c -> c.row().config().equals(config) && c.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cell " + paper + " " + table + " " + config + " " + column)).value();
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        // Cheriton, Table I: data rate = segment bits / elapsed time; with no segment, the 32-byte response.
        for (String kb : List.of("0", "1", "4", "8", "12", "16")) {
            double bytes = kb.equals("0") ? 32 : Integer.parseInt(kb) * 1024.0;
            rules.add(new Rule("cheriton1988", "I", kb + " Kbytes", "Data Rate", bytes + " bytes * 8 / Time",
                    b -> bytes * 8 / (cell(b, "cheriton1988", "I", kb + " Kbytes", "Time") * 1e-3) / 1e6));
        }
        rules.add(new Rule("cheriton1988", "text", "", "difference between local and remote 8 Kbyte access", "17.8 ms (remote) - 2.7 ms (local), from the text",
                b -> cell(b, "cheriton1988", "text", "remote", "request with an 8 Kbyte response") - cell(b, "cheriton1988", "text", "local", "request with an 8 Kbyte response")));
        rules.add(new Rule("cheriton1988", "text", "", "getbyte rate", "1 Kbyte / Table II getbyte time",
                b -> 1 / (cell(b, "cheriton1988", "II", "Local", "getbyte") * 1e-3)));
        rules.add(new Rule("cheriton1988", "text", "", "getbyte time per byte", "Table II getbyte time / 1024",
                b -> cell(b, "cheriton1988", "II", "Local", "getbyte") * 1000 / 1024));
        rules.add(new Rule("cheriton1988", "text", "remote", "UIO overhead, block reads", "(Disk (blocks) - IPC) / Disk (blocks), remote",
                b -> (cell(b, "cheriton1988", "II", "Remote", "Disk (blocks)") - cell(b, "cheriton1988", "II", "Remote", "IPC"))
                        / cell(b, "cheriton1988", "II", "Remote", "Disk (blocks)") * 100));
        rules.add(new Rule("cheriton1988", "text", "remote", "UIO overhead, byte-stream reads", "(Disk (bytes) - getbyte - IPC) / (Disk (bytes) - getbyte), remote",
                b -> (cell(b, "cheriton1988", "II", "Remote", "Disk (bytes)") - cell(b, "cheriton1988", "II", "Remote", "getbyte")
                        - cell(b, "cheriton1988", "II", "Remote", "IPC"))
                        / (cell(b, "cheriton1988", "II", "Remote", "Disk (bytes)") - cell(b, "cheriton1988", "II", "Remote", "getbyte")) * 100));
        // Thekkath, Table 1a: share of all calls; Table 1b: control over data traffic.
        for (String activity : List.of("Get File Attribute", "Lookup File Name", "Read File Data", "Null Ping Call", "Read Symbolic Link",
                "Read Directory Contents", "Read File System Stats.", "Write File Data", "Other", "Total")) {
            rules.add(new Rule("thekkath1994", "1a", activity, "Percentage of Total", "Number of Calls / Total * 100",
                    b -> cell(b, "thekkath1994", "1a", activity, "Number of Calls") / cell(b, "thekkath1994", "1a", "Total", "Number of Calls") * 100));
        }
        for (String activity : List.of("Get File Attribute", "Lookup File Name", "Read File Data", "Read Symbolic Link", "Read Directory Contents",
                "Read File System Stats.", "Write File Data", "Overall Total")) {
            rules.add(new Rule("thekkath1994", "1b", activity, "Control / Data", "Control / Data",
                    b -> cell(b, "thekkath1994", "1b", activity, "Control") / cell(b, "thekkath1994", "1b", activity, "Data")));
        }
        rules.add(new Rule("thekkath1994", "text", "", "control traffic share of all NFS traffic", "Table 1b: Control / (Control + Data), overall",
                b -> cell(b, "thekkath1994", "1b", "Overall Total", "Control")
                        / (cell(b, "thekkath1994", "1b", "Overall Total", "Control") + cell(b, "thekkath1994", "1b", "Overall Total", "Data")) * 100));
        rules.add(new Rule("thekkath1994", "text", "", "lookup: uncached minus cached", "Table 3: Import uncached - cached",
                b -> cell(b, "thekkath1994", "3", "Import (LOOKUP)", "Uncached") - cell(b, "thekkath1994", "3", "Import (LOOKUP)", "Cached")));
        return rules;
    }

    static List<BaselineVerifier.Check> verify(Baselines baselines) {
        List<BaselineVerifier.Check> checks = new ArrayList<>();
        for (Rule rule : rules()) {
            BaselineCell printed = baselines.tables().stream().filter(t -> t.paper().equals(rule.paper()) && t.table().equals(rule.table()))
                    .flatMap(t -> t.cells().stream()).filter(c -> c.row().config().equals(rule.config()) && c.column().equals(rule.column()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no printed cell for " + rule));
            checks.add(BaselineVerifier.check(printed, rule.recompute().applyAsDouble(baselines), rule.formula()));
        }
        return checks;
    }
}
