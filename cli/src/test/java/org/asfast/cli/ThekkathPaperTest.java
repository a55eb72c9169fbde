package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.asfast.report.Baselines;
import org.asfast.rmem.ThekkathPaper;
import org.junit.jupiter.api.Test;

/** Thekkath et al.'s cells as the simulated DECstations fill them, beside the paper's: one calibration per table, reproduced. */
class ThekkathPaperTest {
    private final List<SimulatedPapers.Compared> compared = SimulatedPapers.compare(new ThekkathPaper(), Baselines.load(Path.of("..", "results", "baselines")));

    @Test
    void everyCellIsAPaperCellAndEachCalibrationReproducesItsCell() {
        assertEquals(15, compared.size());
        for (SimulatedPapers.Compared c : compared) {
            assertNotNull(c.paper(), "no paper cell for " + c.cell().key());
            if (c.calibration()) {
                assertEquals(c.paper(), c.cell().value(), 1e-3 * c.paper(), c.cell().key());
            }
        }
    }

    @Test
    void tables2And3HaveOneCalibrationEachAndMeetTheFidelityGoal() {
        for (SimulatedPapers.Summary s : SimulatedPapers.summaries(compared)) {
            assertTrue(3 * s.calibrations() < s.cells(), "table " + s.table() + ": " + s.calibrations() + " calibrations of " + s.cells());
            if (!s.table().equals("text")) {
                assertEquals(1, s.calibrations(), "table " + s.table());
                assertTrue(s.meetsGoal(), "table " + s.table() + " median " + s.median());
            }
        }
    }
}
