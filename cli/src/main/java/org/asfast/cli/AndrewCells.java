package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.asfast.amoeba.AmoebaFilesSimulated;
import org.asfast.amoeba.AmoebaProvider;
import org.asfast.model.Parameter;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.sprite.SpriteFsSimulated;
import org.asfast.sprite.SpriteProvider;
import org.asfast.systems.SimulatedPaper;
import org.asfast.systems.SystemParameters;
import org.asfast.workloads.Andrew;

/**
 * Ousterhout's Andrew benchmark (§9) run unchanged on the simulated file systems of Douglis et al.'s Table 2:
 * Amoeba BULLET and BULLET/DIR, Sprite CACHE and NOCACHE, on Sun 3/60s in virtual time. The paper has no Andrew
 * figures for them, so these cells are predictions nothing can check yet ({@link SimulatedPaper#NO_PAPER_VALUE}).
 * As the modelled machines run it (workloads.csv's 1/1): one copy to warm the caches, then the copy phases timed,
 * then the compile of that copy.
 */
public final class AndrewCells implements SimulatedPaper {
    static final String TABLE = "Andrew";

    @Override
    public String paper() {
        return DouglisCells.PAPER;
    }

    @Override
    public List<Parameter> parameters() {
        return new DouglisCells().parameters();
    }

    @Override
    public List<Cell> cells(List<Parameter> changes) {
        SystemParameters amoeba = DouglisCells.changed(org.asfast.amoeba.AmoebaSimulated.parameters(), changes);
        SystemParameters sprite = DouglisCells.changed(org.asfast.sprite.SpriteSimulated.parameters(), changes);
        List<Cell> cells = new ArrayList<>();
        run(cells, AmoebaProvider.BULLET_SIMULATED, "Amoeba BULLET", name -> new AmoebaFilesSimulated(name, "BULLET", amoeba, Faults.NONE));
        run(cells, AmoebaProvider.BULLET_DIR_SIMULATED, "Amoeba BULLET/DIR", name -> new AmoebaFilesSimulated(name, "BULLET/DIR", amoeba, Faults.NONE));
        run(cells, SpriteProvider.CACHE_SIMULATED, "Sprite CACHE", name -> new SpriteFsSimulated(name, sprite, Faults.NONE, true));
        run(cells, SpriteProvider.NOCACHE_SIMULATED, "Sprite NOCACHE", name -> new SpriteFsSimulated(name, sprite, Faults.NONE, false));
        return cells;
    }

    /**
     * Every cell is a prediction the paper has no value for; whether it is in-sample or out-of-sample tells nothing
     * here, so the cells are not run a second time with the calibrations moved (it halves the run's seconds).
     */
    @Override
    public List<Tagged> tagged() {
        return cells(List.of()).stream().map(c -> new Tagged(c, NO_PAPER_VALUE)).toList();
    }

    private static void run(List<Cell> cells, String platform, String column, Function<String, Platform> open) {
        try (Platform p = open.apply(platform)) {
            Andrew andrew = new Andrew(p);
            andrew.copyPhases(); // warms the caches, as the model's one warm-up run
            long start = p.clock().nanos();
            String copy = andrew.copyPhases();
            long copied = p.clock().nanos();
            andrew.compilePhase(copy);
            long compiled = p.clock().nanos();
            cells.add(cell(platform, "Copy", column, (copied - start) / 1e9));
            cells.add(cell(platform, "Compile", column, (compiled - copied) / 1e9));
        }
    }

    private static Cell cell(String platform, String config, String column, double seconds) {
        return new Cell(DouglisCells.PAPER, TABLE, DouglisCells.MACHINE, "", config, column, "s", seconds, platform, null, false);
    }
}
