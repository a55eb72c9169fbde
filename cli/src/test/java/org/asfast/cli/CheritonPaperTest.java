package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asfast.report.Baselines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code asfast systems} shows V's simulated cells beside Cheriton's, with the fidelity per table, and writes them. */
class CheritonPaperTest {

    @Test
    void everyCheritonCellIsMatchedTaggedAndEveryTableMeetsTheGoal() {
        List<SimulatedPapers.Compared> compared = SimulatedPapers.compare(new org.asfast.v.VPaper(), Baselines.load(Path.of("..", "results", "baselines")));
        assertTrue(compared.size() >= 30, compared.size() + " cells");
        for (SimulatedPapers.Compared c : compared) {
            assertNotNull(c.paper(), "no paper cell for " + c.cell().key());
        }
        // The MicroVAX II's IPC cells use V's costs solved on the SUN-3/75's cells of the same paper: predictions, not out-of-sample.
        assertTrue(compared.stream().filter(c -> c.cell().column().equals("IPC")).allMatch(c -> c.tag().equals("prediction")), "the MicroVAX II IPC cells are predictions");
        for (SimulatedPapers.Summary s : SimulatedPapers.summaries(compared)) {
            assertTrue(3 * s.calibrations() < s.cells(), "table " + s.table() + ": " + s.calibrations() + " calibrations of " + s.cells());
            assertTrue(s.meetsGoal(), "table " + s.table() + " median " + s.median());
        }
    }

    @Test
    void theSystemsCommandWritesVsCellsBesideDouglis(@TempDir Path out) throws Exception {
        int exit = new CommandLine(new SystemsCommand()).execute("--out", out.toString(), "--baselines", Path.of("..", "results", "baselines").toString());
        assertEquals(0, exit);
        List<String> lines = Files.readAllLines(out.resolve(org.asfast.report.SimulatedCells.FILE));
        long cheriton = lines.stream().filter(l -> l.startsWith("cheriton1988,")).count();
        assertEquals(new org.asfast.v.VPaper().cells(List.of()).size(), cheriton);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cheriton1988,I,SUN-3/75,V,16 Kbytes,Time,ms,") && l.contains(",sun3-75-v-sim,")), String.join("\n", lines));
    }

    @Test
    void solvingVsCalibrationsAgainGivesTheShippedValues() {
        org.asfast.v.VPaper v = new org.asfast.v.VPaper();
        java.util.Map<String, Double> solved = SimulatedPapers.calibrate(v, Baselines.load(Path.of("..", "results", "baselines")));
        assertEquals(5, solved.size(), solved.toString());
        solved.forEach((name, value) -> {
            double shipped = v.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().number();
            assertEquals(shipped, value, 0.001 * shipped, name);
        });
    }
}
