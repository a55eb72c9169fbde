package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file service's rows round-trip through a run's folder; the chart has a latency and a load line per scheme. */
class RmemFileServiceTest {
    @TempDir
    Path run;

    @Test
    void rowsRoundTripAndTheChartDrawsLatencyAndLoadPerScheme() {
        List<RmemFileService.Row> rows = List.of(new RmemFileService.Row("HYBRID_1", 1, 20, 400.5, 350.25, 0.04, 0.2, 0.3),
                new RmemFileService.Row("DX", 1, 20, 100.5, 55.75, 0.007, 0.2, 0.01), new RmemFileService.Row("HYBRID_1", 10, 200, 470, 354, 0.25, 0.3, 0.2),
                new RmemFileService.Row("DX", 10, 200, 94, 56, 0.04, 0.3, 0.1));
        RmemFileService.write(run.resolve(RmemFileService.FILE), rows);
        assertEquals(rows, RmemFileService.read(run));
        assertEquals(4, RmemFileService.chart(rows).getSeriesMap().size());
        List<RmemFileService.FigureRow> figures = List.of(new RmemFileService.FigureRow("Get File Attribute", "DX", 50.5, 4.5, 0, 0, 15.5));
        RmemFileService.writeFigures(run.resolve(RmemFileService.FIGURES_FILE), figures);
        assertEquals(figures, RmemFileService.readFigures(run));
        assertEquals(20.0, figures.get(0).serverUs(), 1e-12);
    }

    @Test
    void theLoadRatioIsReadThreeWaysAndNullPingCountsOnlyInOne() {
        List<RmemFileService.FigureRow> figures = List.of(
                new RmemFileService.FigureRow("Read", "DX", 0, 10, 0, 0, 0), new RmemFileService.FigureRow("Read", "HYBRID_1", 0, 10, 260, 30, 0),
                new RmemFileService.FigureRow("Lookup", "DX", 0, 20, 0, 0, 0), new RmemFileService.FigureRow("Lookup", "HYBRID_1", 0, 5, 260, 35, 0),
                new RmemFileService.FigureRow("Null Ping Call", "DX", 0, 0, 0, 0, 0), new RmemFileService.FigureRow("Null Ping Call", "HYBRID_1", 0, 5, 260, 35, 0));
        RmemFileService.LoadRatios r = RmemFileService.loadRatios(figures);
        assertEquals(30.0 / 600, r.eachOnce(), 1e-12, "(10 + 20) / (300 + 300)");
        assertEquals(30.0 / 900, r.withNullPing(), 1e-12);
        assertEquals((10.0 / 300 + 20.0 / 300) / 2, r.meanOfRatios(), 1e-12);
        assertEquals(null, RmemFileService.loadRatios(List.of(new RmemFileService.FigureRow("Read", "DX", 0, 10, 0, 0, 0))), "no Hybrid-1 to divide by");
        assertEquals(null, RmemFileService.loadRatios(figures.subList(1, figures.size())), "Read has no DX row: not counted as 0");
        assertTrue(r.allUnderHalf());
    }

    @Test
    void aRunWithoutTheFilesHasNoRowsAndABrokenFileIsAOneLineError() throws IOException {
        assertTrue(RmemFileService.read(run).isEmpty());
        assertTrue(RmemFileService.readFigures(run).isEmpty());
        Files.writeString(run.resolve(RmemFileService.FILE), "scheme,clients\nDX,many\n");
        UserError e = assertThrows(UserError.class, () -> RmemFileService.read(run));
        assertTrue(e.getMessage().contains("not a valid rmem scaling file") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
