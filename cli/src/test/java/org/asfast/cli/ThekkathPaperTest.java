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
 * its cell; the calibrations chosen by hand are named; Tables 2 and 3 meet the fidelity goal. (Table 2 has two calibrations
 * of five cells and the text two of four, over the project's third, and the text misses the goal: the README says why.)
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
        assertEquals(Set.of("notification_switches", "load_ratio_call_weight"),
                paper.calibrations().stream().filter(p -> !p.provenance().isSolved()).map(p -> p.name()).collect(Collectors.toSet()),
                "chosen by hand while looking at their cells: the notification's switches and the load ratio's reading");
        for (SimulatedPapers.Summary s : SimulatedPapers.summaries(compared)) {
            switch (s.table()) {
                case "2" -> assertEquals(2, s.calibrations(), "Table 2: Write solved (the per-cell kernel path), Notification Overhead by hand");
                case "3" -> assertEquals(1, s.calibrations(), "Table 3: Export solved");
                case "text" -> assertEquals(2, s.calibrations(), "text: the controller's achieved fraction (the FIFO's word time) solved, the load ratio by hand");
                default -> assertEquals(0, s.calibrations(), "table " + s.table());
            }
            // The project keeps calibrations under a third of each table. Tables 2 and text break it since their choices by
            // hand are tagged as what they are (README, "Thekkath et al."): the counts above hold them where they are.
            assertTrue(3 * s.calibrations() < s.cells() || Set.of("2", "text").contains(s.table()), "under a third of table " + s.table());
            if (!s.table().equals("text")) {
                assertTrue(s.meetsGoal(), "table " + s.table() + " median " + s.median());
            }
        }
    }

    @Test
    void eachCalibrationCellNamesTheParametersCalibratedOnItAndNoOtherCellNamesAny() {
        for (SimulatedPapers.Compared c : compared) {
            Set<String> expected = paper.calibrations().stream().filter(p -> p.calibrationCells().contains(c.cell().key())).map(p -> p.name())
                    .collect(Collectors.toSet());
            Set<String> named = c.calibratedBy().isEmpty() ? Set.of() : Set.of(c.calibratedBy().split(", "));
            assertEquals(c.tag().equals("calibration") ? expected : Set.of(), named, c.cell().key());
        }
        assertTrue(compared.stream().anyMatch(c -> c.calibratedBy().equals("notification_switches")), "the notification overhead's");
    }
}
