package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.asfast.model.Parameter;
import org.asfast.report.Baselines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Douglis et al.'s Table 2, Sprite's cells on the simulated file system: budget, fidelity and the paper's findings. */
class SpriteFsCellsTest {
    private static final SpriteFsCells PAPER = new SpriteFsCells();
    private static Baselines baselines;
    private static List<SimulatedPapers.Compared> compared;

    @BeforeAll
    static void simulate() {
        baselines = Baselines.load(Path.of("..", "results", "baselines"));
        compared = SimulatedPapers.compare(PAPER, baselines);
    }

    private static double ms(String config, String column) {
        return compared.stream().filter(c -> c.cell().config().equals(config) && c.cell().column().equals(column)).findFirst().orElseThrow().cell().value();
    }

    @Test
    void everySpriteCellIsSimulatedFewerThanAThirdAreCalibrationsAndThePredictionsMeetTheGoal() {
        assertEquals(12, compared.size());
        assertTrue(compared.stream().allMatch(c -> c.paper() != null), "every cell has the paper's value beside it");
        List<SimulatedPapers.Summary> summaries = SimulatedPapers.summaries(compared);
        assertEquals(1, summaries.size());
        SimulatedPapers.Summary s = summaries.get(0);
        assertTrue(s.calibrations() > 0 && 3 * s.calibrations() < s.cells(), s.calibrations() + " calibration cells of " + s.cells());
        assertTrue(s.meetsGoal(), "median |error| of the predictions " + s.median());
    }

    @Test
    void calibratedCellsComeOutAsThePapersAndSolvingAgainFindsTheShippedValues() {
        for (SimulatedPapers.Compared c : compared) {
            if (c.calibration()) {
                assertEquals(c.paper(), c.cell().value(), 0.01 * c.paper(), c.cell().key());
            }
        }
        Map<String, Double> solved = SimulatedPapers.calibrate(PAPER, baselines);
        assertEquals(2, solved.size(), "Table 2's two calibrations, not Table 1's: " + solved.keySet());
        for (Parameter p : PAPER.parameters()) {
            if (solved.containsKey(p.name())) {
                assertEquals(p.number(), solved.get(p.name()), 0.01 * p.number(), p.name());
            }
        }
    }

    /** §3.3: "with client caching enabled, Sprite outperforms Amoeba, but without client caching, Sprite is slower". */
    @Test
    void clientCachingMakesReadsAndTemporaryFilesManyTimesCheaper() {
        for (String size : List.of("10 Kbytes", "100 Kbytes")) {
            double cached = ms("read " + size, SpriteFsCells.CACHE);
            double uncached = ms("read " + size, SpriteFsCells.NOCACHE);
            assertTrue(uncached > 5 * cached, "read " + size + ": CACHE " + cached + " ms, NOCACHE " + uncached + " ms");
        }
        assertTrue(ms("create-delete 100 Kbytes", SpriteFsCells.NOCACHE) > 3 * ms("create-delete 100 Kbytes", SpriteFsCells.CACHE));
        assertTrue(ms("open-close a/b/c/foo", "Sprite") > ms("open-close foo", "Sprite"), "each component is looked up on the server");
    }
}
