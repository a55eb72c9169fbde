package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.asfast.amoeba.AmoebaProcesses;
import org.asfast.amoeba.AmoebaProcessesProvider;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.systems.SimulatedPaper.Cell;
import org.asfast.sprite.SpriteProcesses;
import org.asfast.sprite.SpriteProcessesProvider;
import org.asfast.systems.SystemParameters;
import org.asfast.workloads.douglis.Fork;
import org.asfast.workloads.douglis.GetTimeOfDay;
import org.asfast.workloads.douglis.ProgramInvocation;

/**
 * Douglis et al.'s process cells: Table 3's fork and program invocation, Table 4's invocation here, on a named host
 * and on one the system finds, and §3.4's gettimeofday at home and from a migrated process, from the workloads on the
 * simulated Amoeba and Sprite. Table 4's local row is Table 3's program invocation again.
 */
final class ProcessCells {
    private ProcessCells() {
    }

    static List<Cell> simulate(SystemParameters amoeba, SystemParameters sprite) {
        List<Cell> cells = new ArrayList<>();
        system(cells, "Amoeba", AmoebaProcessesProvider.SIMULATED, () -> AmoebaProcesses.simulated(AmoebaProcessesProvider.SIMULATED, amoeba, Faults.NONE));
        system(cells, "Sprite", SpriteProcessesProvider.SIMULATED, () -> SpriteProcesses.simulated(SpriteProcessesProvider.SIMULATED, sprite, Faults.NONE));
        try (Platform p = SpriteProcesses.simulated(SpriteProcessesProvider.SIMULATED, sprite, Faults.NONE)) {
            GetTimeOfDay local = new GetTimeOfDay(p, false);
            GetTimeOfDay migrated = new GetTimeOfDay(p, true);
            cells.add(cell(p.name(), "text", "Sprite", "local", "gettimeofday", "us", DouglisCells.perCall(p, x -> local.call()) / 1e3, null));
            cells.add(cell(p.name(), "text", "Sprite", "remote", "gettimeofday forwarded to the home machine", "ms",
                    DouglisCells.perCall(p, x -> migrated.call()) / 1e6, null));
        }
        return cells;
    }

    private static void system(List<Cell> cells, String os, String platform, Supplier<Platform> open) {
        try (Platform p = open.get()) {
            Fork fork = new Fork(p);
            cells.add(cell(platform, "3", "", "fork", os, "ms", DouglisCells.perCall(p, x -> fork.forkAndWait()) / 1e6, null));
        }
        Cell invocation = null;
        for (Site site : Site.values()) {
            try (Platform p = open.get()) {
                ProgramInvocation w = new ProgramInvocation(p, site);
                double ms = DouglisCells.perCall(p, x -> w.invoke()) / 1e6;
                if (site == Site.LOCAL) {
                    invocation = cell(platform, "3", "", "Program invocation", os, "ms", ms, null);
                    cells.add(invocation);
                }
                cells.add(cell(platform, "4", "", ROWS[site.ordinal()], os, "ms", ms, site == Site.LOCAL ? invocation : null));
            }
        }
    }

    /** A cell of a table (the system in its column) or of the text (the system as its row's os); {@code sameAs} the cell it repeats. */
    private static Cell cell(String platform, String table, String os, String config, String column, String unit, double value, Cell sameAs) {
        return new Cell(DouglisCells.PAPER, table, DouglisCells.MACHINE, os, config, column, unit, value, platform, sameAs == null ? null : sameAs.key(), false);
    }

    private static final String[] ROWS = {"Local", "Remote (specified)", "Remote (unspecified)"};
}
