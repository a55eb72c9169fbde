package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A table's CSV names each simulated cell's role, as the page's c, o and u marks do. */
class TableCsvTest {
    private static SimulatedCells.Cell cell(String column, double value, String tag) {
        return new SimulatedCells.Cell("thekkath1994", "2", new RowLabel("DECstation 5000/200", "Ultrix + remote memory", "Latency"), column, "us",
                value, "ds5000-rmem-sim", tag, tag.equals("calibration") ? "cell_instructions" : "");
    }

    @Test
    void aTableWithSimulatedCellsGetsARolesColumnNamingEachCellsRole() throws Exception {
        TableView.Row paper = new TableView.Row("Latency", "paper", "seed", List.of(
                new TableView.Cell("45", 45, Double.NaN, Double.NaN, "paper", ""), new TableView.Cell("30", 30, Double.NaN, Double.NaN, "paper", ""),
                TableView.Cell.empty()));
        TableView.Row simulated = new TableView.Row("Latency (simulated)", "simulated", "simulated, virtual time", List.of(
                SimulatedCells.view(cell("Read", 49, "prediction"), Optional.of(45.0)),
                SimulatedCells.view(cell("Write", 30, "calibration"), Optional.of(30.0)),
                SimulatedCells.view(cell("CAS", 46, "prediction (out-of-sample)"), Optional.empty())));
        TableView view = new TableView("thekkath1994-2", "thekkath1994", "2", "Table 2", "seed", List.of("Read (µs)", "Write (µs)", "CAS (µs)"),
                List.of(paper, simulated), null, "");
        StringWriter out = new StringWriter();
        ReportGenerator.writeCsv(out, view);
        assertEquals(List.of(
                "row,kind,source,Read (µs),Write (µs),CAS (µs),roles",
                "Latency,paper,seed,45.0,30.0,,",
                "Latency (simulated),simulated,\"simulated, virtual time\",49.0,30.0,46.0,"
                        + "Read (µs): prediction; Write (µs): calibration; CAS (µs): prediction (out-of-sample)"), out.toString().lines().toList());
    }

    @Test
    void aTableWithoutSuchCellsHasNoRolesColumn() throws Exception {
        TableView view = new TableView("t", "p", "1", "T", "seed", List.of("Time (µs)"),
                List.of(new TableView.Row("host", "measured", "run", List.of(new TableView.Cell("1.0", 1, 0.9, 1.1, "measured unsettled", "")))), null, "");
        StringWriter out = new StringWriter();
        ReportGenerator.writeCsv(out, view);
        assertEquals("row,kind,source,Time (µs)", out.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void aLiveCellThePaperHasNoValueForIsNamedSo() {
        assertEquals("prediction, no paper value", ReportGenerator.role(new TableView.Cell("3", 3, 2, 4, "live unchecked", "")));
        assertEquals("", ReportGenerator.role(TableView.Cell.empty()));
        assertEquals("", ReportGenerator.role(new TableView.Cell("full profile only", Double.NaN, Double.NaN, Double.NaN, "live na unchecked", "")), "no value, no role");
        assertEquals("derived from other cells, not counted", ReportGenerator.role(SimulatedCells.view(cell("Read", 49, "derived"), Optional.empty())));
    }
}
