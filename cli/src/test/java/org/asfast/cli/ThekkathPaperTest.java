package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.asfast.report.Baselines;
import org.asfast.rmem.ThekkathPaper;
import org.junit.jupiter.api.Test;

/**
 * Thekkath et al.'s cells as the simulated DECstations fill them, beside the paper's: each solved calibration reproduces
 * its cell, and each table has one, under the project's third.
 */
class ThekkathPaperTest {
    private final ThekkathPaper paper = new ThekkathPaper();
    private final List<SimulatedPapers.Compared> compared = SimulatedPapers.compare(paper, Baselines.load(Path.of("..", "results", "baselines")));
    private final Set<String> solved = paper.calibrations().stream().filter(p -> p.provenance().isSolved())
            .flatMap(p -> p.calibrationCells().stream()).collect(Collectors.toSet());

    @Test
    void everyCellIsAPaperCellAndEachCalibrationReproducesItsCell() {
        assertEquals(15, compared.size());
        for (SimulatedPapers.Compared c : compared) {
            assertNotNull(c.paper(), "no paper cell for " + c.cell().key());
            if (solved.contains(c.cell().key())) {
                assertEquals(c.paper(), c.cell().value(), 1e-3 * c.paper(), c.cell().key());
            }
        }
    }

    @Test
    void calibrationCountsAreTheHonestOnesAndTheTablesMeetTheFidelityGoal() {
        assertEquals(3, solved.size(), "one solved calibration in each of Tables 2 and 3 and the text");
        assertTrue(paper.calibrations().stream().allMatch(p -> p.provenance().isSolved()), "none chosen by hand");
        for (SimulatedPapers.Summary s : SimulatedPapers.summaries(compared)) {
            switch (s.table()) {
                case "2" -> assertEquals(1, s.calibrations(), "Table 2: Write solved (the per-cell kernel path)");
                case "3" -> assertEquals(1, s.calibrations(), "Table 3: Export solved");
                case "text" -> assertEquals(1, s.calibrations(), "text: the achieved fraction of the controller's throughput (the FIFO's word time)");
                default -> assertEquals(0, s.calibrations(), "table " + s.table());
            }
            assertTrue(3 * s.calibrations() < s.cells(), "under a third of table " + s.table());
            if (!s.table().equals("text")) {
                assertTrue(s.meetsGoal(), "table " + s.table() + " median " + s.median());
            }
        }
    }
}
