package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's simulated cells appear under the paper's rows, and each table with them gets its fidelity. */
class SimulatedCellsTest {
    private static final Baselines BASELINES = Baselines.load(Path.of("..", "results", "baselines"));
    private static final RowLabel NULL_RPC = new RowLabel("Sun 3/60", "", "0 bytes");
    /** Two simulated Andrew copies: cells of a table the paper does not have. */
    private static final List<SimulatedCells.Cell> ANDREW_COPY = List.of(
            new SimulatedCells.Cell("douglis1991", "Andrew", new RowLabel("Sun 3/60", "", "Copy"), "Amoeba BULLET", "s", 66.9, "sun3-60-amoeba-bullet-sim",
                    SimulatedCells.NO_PAPER_VALUE),
            new SimulatedCells.Cell("douglis1991", "Andrew", new RowLabel("Sun 3/60", "", "Copy"), "Sprite CACHE", "s", 79.8, "sun3-60-sprite-cache-sim",
                    SimulatedCells.NO_PAPER_VALUE));

    @TempDir
    Path run;

    @Test
    void simulatedRowsFollowThePaperRowsAndFidelityCountsOnlyPredictions() {
        List<SimulatedCells.Cell> cells = List.of(
                new SimulatedCells.Cell("douglis1991", "1a", NULL_RPC, "Amoeba", "ms", 1.21, "amoeba-sim", "prediction"),
                new SimulatedCells.Cell("douglis1991", "1a", NULL_RPC, "Sprite", "ms", 1.9, "sprite-sim", "calibration", "sprite_rpc_instructions"),
                new SimulatedCells.Cell("douglis1991", "1a", new RowLabel("Sun 3/60", "", "16384 bytes"), "Amoeba", "ms", 18.0, "amoeba-sim", "prediction (out-of-sample)"));
        SimulatedCells.write(run.resolve(SimulatedCells.FILE), cells);
        List<SimulatedCells.Cell> read = SimulatedCells.read(run);
        assertEquals(cells, read);

        List<TableView> views = OtherPapers.views(BASELINES, Map.of(), read);
        TableView table = views.stream().filter(v -> v.id().equals("douglis1991-1a")).findFirst().orElseThrow();
        int paperRow = indexOf(table, "Sun 3/60 0 bytes");
        TableView.Row simulated = table.rows().get(paperRow + 1);
        assertEquals("Sun 3/60 0 bytes (simulated)", simulated.label());
        assertEquals("simulated", simulated.kind());
        assertEquals(1.21, simulated.cells().get(0).value());
        assertTrue(simulated.cells().get(0).title().contains("+10.0% against the paper's 1.10"), simulated.cells().get(0).title());
        assertTrue(simulated.cells().get(1).css().contains("calibration"));
        assertTrue(simulated.cells().get(1).title().contains("calibration of sprite_rpc_instructions"), "names its parameter: " + simulated.cells().get(1).title());

        SimulatedCells.Summary summary = SimulatedCells.summaries(read, BASELINES).getFirst();
        assertEquals(3, summary.cells());
        assertEquals(1, summary.calibrations());
        assertEquals(1, summary.outOfSample());
        assertEquals((0.1 + 0.1) / 2, summary.median(), 1e-9, "|1.21/1.1 - 1| and |18/20 - 1|, the calibration left out");
        assertTrue(views.stream().anyMatch(v -> v.id().equals("douglis1991-simulated-fidelity")));
    }

    @Test
    void predictionsOfATableThePaperDoesNotHaveGetATableOfTheirOwnLabelledSoAndNoFidelity() {
        List<SimulatedCells.Cell> cells = ANDREW_COPY;
        TableView table = OtherPapers.views(BASELINES, Map.of(), cells).stream().filter(v -> v.id().equals("douglis1991-andrew-predictions"))
                .findFirst().orElseThrow();
        assertTrue(table.caption().contains("Andrew on the simulated systems (prediction, no paper value)"), table.caption());
        assertEquals(List.of("Amoeba BULLET (s)", "Sprite CACHE (s)"), table.columns());
        TableView.Row row = table.rows().getFirst();
        assertEquals("Sun 3/60 Copy (simulated)", row.label());
        assertEquals(79.8, row.cells().get(1).value());
        assertTrue(row.cells().get(1).title().contains("prediction, no paper value") && row.cells().get(1).css().contains("unchecked"), row.cells().get(1).title());
        assertTrue(SimulatedCells.summaries(cells, BASELINES).isEmpty(), "nothing to compare them with");
    }

    @Test
    void liveCellsOfATableThePaperDoesNotHaveGoUnderTheSimulatedOnesLabelledSo() {
        List<SimulatedCells.Cell> cells = ANDREW_COPY;
        List<Measurement> live = List.of(
                new Measurement("douglis1991", "Andrew", new RowLabel("sprite-cache-live", "", "Copy"), "Sprite CACHE", "s", 0.5, 0.45, 0.55, "live",
                        "org.asfast.jmh.AndrewBenchmark.copy(platform=sprite-cache-live)"),
                new Measurement("douglis1991", "Andrew", new RowLabel("sprite-nocache-live", "", "Compile"), "Sprite NOCACHE", "s", 2.0, 1.8, 2.2, "live",
                        "org.asfast.jmh.AndrewBenchmark.compile(platform=sprite-nocache-live)"));
        TableView table = OtherPapers.views(BASELINES, Map.of(), cells, live).stream().filter(v -> v.id().equals("douglis1991-andrew-predictions"))
                .findFirst().orElseThrow();
        assertTrue(table.caption().contains("Andrew on the simulated and live systems (prediction, no paper value)"), table.caption());
        assertEquals(List.of("Amoeba BULLET (s)", "Sprite CACHE (s)", "Sprite NOCACHE (s)"), table.columns());
        assertEquals(List.of("Sun 3/60 Copy (simulated)", "Copy (live on this computer: sprite-cache-live)", "Compile (live on this computer: sprite-nocache-live)"),
                table.rows().stream().map(TableView.Row::label).toList());
        TableView.Cell liveCopy = table.rows().get(1).cells().get(1);
        assertEquals(0.5, liveCopy.value());
        assertTrue(liveCopy.title().contains("prediction, no paper value") && liveCopy.css().equals("live unchecked"), liveCopy.css() + ": " + liveCopy.title());
        assertEquals(2.0, table.rows().get(2).cells().get(2).value());
        assertTrue(OtherPapers.views(BASELINES, Map.of(), List.of(), live).stream().anyMatch(v -> v.id().equals("douglis1991-andrew-predictions")
                && v.caption().contains("Andrew on the live systems (prediction, no paper value)")), "live cells alone get the table too");
    }

    @Test
    void aRunWithoutSimulatedCellsShowsNoneAndABrokenFileIsAOneLineError() throws Exception {
        assertEquals(List.of(), SimulatedCells.read(run));
        Files.writeString(run.resolve(SimulatedCells.FILE), "paper,table\ndouglis1991,1a\n");
        UserError error = assertThrows(UserError.class, () -> SimulatedCells.read(run));
        assertTrue(!error.getMessage().contains("\n") && error.getMessage().contains("simulated.csv"), error.getMessage());
        // a run from before calibrated_by: its cells read, naming no parameter
        Files.writeString(run.resolve(SimulatedCells.FILE), "paper,table,machine,os,config,column,unit,value,platform,tag\n"
                + "douglis1991,1a,Sun 3/60,,0 bytes,Sprite,ms,1.9,sprite-sim,calibration\n");
        assertEquals(List.of(new SimulatedCells.Cell("douglis1991", "1a", NULL_RPC, "Sprite", "ms", 1.9, "sprite-sim", "calibration", "")), SimulatedCells.read(run));
    }

    @Test
    void figuresATableThePaperHasLacksAreListedApartAndAColumnInTwoUnitsBecomesTwo() {
        RowLabel remote = new RowLabel("UltraSPARC 170", "Solaris 2.5", "remote");
        List<SimulatedCells.Cell> cells = List.of(
                new SimulatedCells.Cell("xfs", "text", remote, "read of a block from a peer's memory", "us", 352.8, "ultrasparc170-xfs-sim", SimulatedCells.NO_PAPER_VALUE),
                new SimulatedCells.Cell("xfs", "text", remote, "user-to-user remote memory round trip", "us", 20.7, "ultrasparc170-xfs-sim", "prediction"),
                new SimulatedCells.Cell("thekkath1994", "2", new RowLabel("DECstation 5000/200", "Ultrix + remote memory", "Notification Overhead"),
                        "all operations", "us", 253.8, "ds5000-rmem-sim", "calibration"));
        List<TableView> views = OtherPapers.views(BASELINES, Map.of(), cells);
        TableView apart = views.stream().filter(v -> v.id().equals("xfs-text-predictions")).findFirst().orElseThrow();
        assertTrue(apart.caption().contains("figures the paper does not give"), apart.caption());
        assertEquals(List.of("read of a block from a peer's memory (µs)"), apart.columns(), "the round trip, which the paper gives, stays under its paper row");
        TableView table2 = views.stream().filter(v -> v.id().equals("thekkath1994-2")).findFirst().orElseThrow();
        int mbs = table2.columns().indexOf("all operations (Mb/s)");
        int us = table2.columns().indexOf("all operations (µs)");
        assertTrue(mbs >= 0 && us >= 0, "throughput (Mb/s) and notification (us) share the paper's column: one column per unit " + table2.columns());
        int paperRow = indexOf(table2, "DECstation 5000/200 Ultrix + remote memory Notification Overhead");
        assertEquals("260", table2.rows().get(paperRow).cells().get(us).text());
        assertEquals("", table2.rows().get(paperRow).cells().get(mbs).text(), "not under Mb/s");
        assertEquals("254", table2.rows().get(paperRow + 1).cells().get(us).text(), "the simulated cell goes under its paper cell's unit");
        assertEquals("", table2.rows().get(paperRow + 1).cells().get(mbs).text());
    }

    private static int indexOf(TableView table, String label) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.rows().get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no row " + label);
    }
}
