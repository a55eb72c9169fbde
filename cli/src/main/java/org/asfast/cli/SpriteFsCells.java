package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.asfast.model.Parameter;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.sprite.SpriteFsSimulated;
import org.asfast.sprite.SpriteProvider;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.SimulatedPaper;
import org.asfast.systems.SystemParameters;
import org.asfast.workloads.CreateDelete;
import org.asfast.workloads.OpenClose;
import org.asfast.workloads.douglis.FileRead;

/**
 * Douglis et al.'s Table 2, Sprite's cells: Ousterhout's open-close and create-delete and the paper's read, run
 * through the Files capability on the simulated Sprite file system with client caching on and off, in virtual
 * time. Open-close has one Sprite column (an open goes to the server either way); it runs with caching on.
 * Create-delete with no data has one value for both columns in the paper, and a file without data never reaches
 * a cache, so the NOCACHE cell is the same measurement as the CACHE one.
 */
public final class SpriteFsCells implements SimulatedPaper {
    static final String TABLE = "2";
    static final String CACHE = "Sprite CACHE";
    static final String NOCACHE = "Sprite NOCACHE";
    private static final int WARM = 3;
    private static final int MEASURED = 10;

    @Override
    public String paper() {
        return DouglisCells.PAPER;
    }

    @Override
    public List<Parameter> parameters() {
        return SpriteSimulated.parameters().all();
    }

    @Override
    public List<Cell> cells(List<Parameter> changes) {
        SystemParameters sprite = DouglisCells.changed(SpriteSimulated.parameters(), changes);
        List<Cell> cells = new ArrayList<>();
        for (OpenClose.Case c : OpenClose.Case.values()) {
            cells.add(cell(sprite, true, "open-close " + c.path, "Sprite", null, p -> {
                OpenClose w = new OpenClose(p, c);
                return x -> {
                    w.openClose();
                    return 0;
                };
            }));
        }
        Cell emptyCached = null;
        for (boolean caching : new boolean[] {true, false}) {
            String column = caching ? CACHE : NOCACHE;
            for (FileRead.Size c : FileRead.Size.values()) {
                cells.add(cell(sprite, caching, "read " + c.label, column, null, p -> {
                    FileRead w = new FileRead(p, c);
                    return x -> w.read();
                }));
            }
            for (CreateDelete.Case c : CreateDelete.Case.values()) {
                boolean empty = c == CreateDelete.Case.NO_DATA;
                String config = "create-delete " + (empty ? "no data" : c.bytes / 1024 + " Kbytes");
                Cell made = cell(sprite, caching, config, column, empty && !caching ? emptyCached : null, p -> {
                    CreateDelete w = new CreateDelete(p, c);
                    return x -> w.iteration();
                });
                emptyCached = empty && caching ? made : emptyCached;
                cells.add(made);
            }
        }
        return cells;
    }

    /** Virtual milliseconds per operation, after a few to warm the caches and the RPC channel. */
    private static Cell cell(SystemParameters sprite, boolean caching, String config, String column, Cell sameAs,
                             Function<Platform, ToLongFunction<Platform>> setUp) {
        String platform = caching ? SpriteProvider.CACHE_SIMULATED : SpriteProvider.NOCACHE_SIMULATED;
        try (Platform p = new SpriteFsSimulated(platform, sprite, Faults.NONE, caching)) {
            ToLongFunction<Platform> operation = setUp.apply(p);
            for (int i = 0; i < WARM; i++) {
                operation.applyAsLong(p);
            }
            long start = p.clock().nanos();
            for (int i = 0; i < MEASURED; i++) {
                operation.applyAsLong(p);
            }
            double ms = (p.clock().nanos() - start) / 1e6 / MEASURED;
            return new Cell(DouglisCells.PAPER, TABLE, DouglisCells.MACHINE, "", config, column, "ms", ms, platform, sameAs == null ? null : sameAs.key(), false);
        }
    }
}
