package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.asfast.report.Baselines;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Douglis et al.'s Table 2, Sprite's cells on the simulated file system: budget, fidelity and the paper's findings. */
class SpriteFsCellsTest {
    private static Baselines baselines;
    private static List<SpriteFsCells.Compared> compared;

    @BeforeAll
    static void simulate() {
        baselines = Baselines.load(Path.of("..", "results", "baselines"));
        compared = SpriteFsCells.compare(SpriteSimulated.parameters(), baselines);
    }

    private static double ms(String config, String column) {
        return compared.stream().filter(c -> c.cell().config().equals(config) && c.cell().column().equals(column)).findFirst().orElseThrow().cell().ms();
    }

    @Test
    void everySpriteCellIsSimulatedFewerThanAThirdAreCalibrationsAndThePredictionsMeetTheGoal() {
        assertEquals(12, compared.size());
        long calibrations = compared.stream().filter(SpriteFsCells.Compared::calibration).count();
        assertTrue(calibrations > 0 && 3 * calibrations < compared.size(), calibrations + " calibration cells of " + compared.size());
        assertTrue(SpriteFsCells.median(compared) <= SystemsCommand.GOAL, "median |error| of the predictions " + SpriteFsCells.median(compared));
    }

    @Test
    void calibratedCellsComeOutAsThePapersAndSolvingAgainFindsTheShippedValues() {
        for (SpriteFsCells.Compared c : compared) {
            if (c.calibration()) {
                assertEquals(c.paper(), c.cell().ms(), 0.01 * c.paper(), c.cell().key());
            }
        }
        SystemParameters shipped = SpriteSimulated.parameters();
        SpriteFsCells.calibrate(shipped, baselines).forEach((name, value) ->
                assertEquals(shipped.number(name), value, 0.01 * shipped.number(name), name));
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
