package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The MIPS-relative formulas against the paper's own printed values. Every input and expected value
 * is read from results/baselines; the assertion allows one unit in the last printed digit.
 */
class MipsRelativeTest {
    private final Baselines baselines = Baselines.load(ReportFixtures.BASELINES);
    private final OusterhoutTables tables = new OusterhoutTables(baselines);
    private final double mvaxMips = tables.mips("MVAX2").orElseThrow();

    private double cell(String table, RowLabel row, String column) {
        return baselines.value("ousterhout1990", table, row, column).orElseThrow(() -> new AssertionError(table + " " + row + " " + column));
    }

    private String printed(String table, RowLabel row, String column) {
        return baselines.table("ousterhout1990", table).cells().stream()
                .filter(c -> c.row().equals(row) && c.column().equals(column)).findFirst().orElseThrow().text();
    }

    private void assertPrinted(String table, RowLabel row, String column, double computed) {
        String text = printed(table, row, column);
        assertEquals(Double.parseDouble(text), computed, BaselineVerifier.lastDigitUnit(text) + 1e-9, table + " " + row + " " + column);
    }

    @Test
    void timesAgainstTheMicroVaxTable2Caption() {
        // The caption's worked example: DS5000 getpid, (207/11)/(18/0.9) = 0.94.
        RowLabel ds5000 = new RowLabel("DS5000", "Ultrix 3.1D", "");
        double value = MipsRelative.fromTimes(cell("2", OusterhoutTables.MVAX2, "Time"), cell("2", ds5000, "Time"),
                tables.mips("DS5000").orElseThrow(), mvaxMips);
        assertPrinted("2", ds5000, "MIPS-Relative Speed", value);
    }

    @Test
    void timeBasedRowsOfTables3And4AndTheRemoteVariantsOf9And10() {
        record Case(String table, RowLabel row, String basis, RowLabel reference) {
        }
        for (Case c : List.of(
                new Case("3", new RowLabel("DS3100", "Ultrix 3.1", ""), "Time", OusterhoutTables.MVAX2),
                new Case("4", new RowLabel("M2000", "RISC/os 4.0", ""), "10 full", OusterhoutTables.MVAX2),
                new Case("9", new RowLabel("RT-APC", "Mach 2.5", "AFS"), "foo", OusterhoutTables.MVAX2_NFS),
                new Case("9", new RowLabel("Sun3", "Sprite", "Local"), "foo", OusterhoutTables.MVAX2_LOCAL),
                new Case("10", new RowLabel("Sun3", "Sprite", "Remote"), "No data", OusterhoutTables.MVAX2_NFS))) {
            double value = MipsRelative.fromTimes(cell(c.table(), c.reference(), c.basis()), cell(c.table(), c.row(), c.basis()),
                    tables.mips(c.row().machine()).orElseThrow(), mvaxMips);
            assertPrinted(c.table(), c.row(), "MIPS-Relative Speed", value);
        }
    }

    @Test
    void bandwidthsOfTables5And6() {
        RowLabel vax8800 = new RowLabel("8800", "Ultrix 3.0", "");
        // Section 7: "for the 8800 the value is (16/6) = 2.7".
        assertPrinted("5", vax8800, "Mbytes/MIPS", MipsRelative.perMips(cell("5", vax8800, "Uncached"), tables.mips("8800").orElseThrow()));
        RowLabel m2000 = new RowLabel("M2000", "RISC/os 4.0", "");
        assertPrinted("6", m2000, "MIPS-Relative Speed", MipsRelative.fromBandwidths(cell("6", OusterhoutTables.MVAX2, "Bandwidth"),
                cell("6", m2000, "Bandwidth"), tables.mips("M2000").orElseThrow(), mvaxMips));
    }

    @Test
    void andrewLocalRemoteAndPenaltyOfTable8() {
        RowLabel local = new RowLabel("DS3100", "Mach 2.5", "Local");
        RowLabel nfs = new RowLabel("DS3100", "Mach 2.5", "NFS");
        var relative = tables.andrewRelative(tables.mips("DS3100").orElseThrow(), cell("7", local, "Total"), cell("7", nfs, "Total"));
        assertPrinted("8", nfs, "MIPS-Relative Speed (Local)", relative.get("MIPS-Relative Speed (Local)"));
        assertPrinted("8", nfs, "MIPS-Relative Speed (Remote)", relative.get("MIPS-Relative Speed (Remote)"));
        assertPrinted("8", nfs, "Remote Penalty", relative.get("Remote Penalty"));
    }

    @Test
    void geometricMeanOfFigure1() {
        assertEquals(2.0, MipsRelative.geometricMean(List.of(1.0, 4.0)), 1e-12);
        assertEquals(1.0, MipsRelative.geometricMean(List.of(0.5, 2.0)), 1e-12);
    }
}
