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

/** The xFS scaling rows round-trip through a run's folder; the charts have a latency line per system, and a CPU and a link line. */
class XfsScalingTest {
    @TempDir
    Path run;

    /** A whole run's rows in shape: both systems at 1, 10, 100 and 1000 clients (the numbers are made up, not a run's). */
    static final List<XfsScaling.Row> ROWS = List.of(new XfsScaling.Row("xfs", 1, 20, 3357.5, 0.0005, 0.002, 0.25, 0.25, 600),
            new XfsScaling.Row("central", 1, 20, 1519.25, 0.001, 0.003, 0.25, 0.125, 400),
            new XfsScaling.Row("xfs", 10, 200, 3548.5, 0.007, 0.021, 0.25, 0.5, 12000),
            new XfsScaling.Row("central", 10, 200, 1936.25, 0.007, 0.055, 0.25, 0.25, 8000),
            new XfsScaling.Row("xfs", 100, 2000, 3665.75, 0.007, 0.017, 0.375, 1.5, 120000),
            new XfsScaling.Row("central", 100, 2000, 2085.5, 0.062, 0.527, 0.375, 0.75, 80000),
            new XfsScaling.Row("xfs", 1000, 20000, 3437.125, 0.007, 0.018, 0.5, 9.5, 1200000),
            new XfsScaling.Row("central", 1000, 20000, 80791.5, 0.115, 0.99, 2.5, 4.75, 800000));

    @Test
    void rowsRoundTripAndTheChartsDrawEachSystem() {
        XfsScaling.write(run.resolve(XfsScaling.FILE), ROWS);
        assertEquals(ROWS, XfsScaling.read(run));
        assertEquals(2, XfsScaling.latencyChart(ROWS).chart().getSeriesMap().size());
        assertEquals(4, XfsScaling.loadChart(ROWS).chart().getSeriesMap().size());
        assertTrue(XfsScaling.loadChart(ROWS).svg().startsWith("<svg"));
    }

    @Test
    void aRunWithoutTheFileHasNoRowsAndABrokenFileIsAOneLineError() throws IOException {
        assertTrue(XfsScaling.read(run).isEmpty());
        Files.writeString(run.resolve(XfsScaling.FILE), "system,clients\nxfs,many\n");
        UserError e = assertThrows(UserError.class, () -> XfsScaling.read(run));
        assertTrue(e.getMessage().contains("not a valid xFS scaling file") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
