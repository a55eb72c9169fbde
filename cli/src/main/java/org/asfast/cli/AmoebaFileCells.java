package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.asfast.amoeba.AmoebaFilesSimulated;
import org.asfast.amoeba.AmoebaProvider;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.systems.SimulatedPaper;
import org.asfast.systems.SystemParameters;
import org.asfast.workloads.CreateDelete;
import org.asfast.workloads.OpenClose;
import org.asfast.workloads.douglis.FileRead;

/**
 * Douglis et al.'s Table 2 for Amoeba, from Ousterhout's open-close and create-delete workloads and the read of
 * Table 2, run unchanged on the simulated file service: open-close and read on BULLET/DIR (an open is a lookup in
 * the directory server; a read goes to the Bullet server either way), create-delete on both configurations.
 */
final class AmoebaFileCells {
    private AmoebaFileCells() {
    }

    static List<SimulatedPaper.Cell> simulate(SystemParameters amoeba) {
        List<SimulatedPaper.Cell> cells = new ArrayList<>();
        Function<String, Platform> open = name -> new AmoebaFilesSimulated(name,
                name.equals(AmoebaProvider.BULLET_SIMULATED) ? "BULLET" : "BULLET/DIR", amoeba, Faults.NONE);
        String dir = AmoebaProvider.BULLET_DIR_SIMULATED;
        for (OpenClose.Case c : OpenClose.Case.values()) {
            cells.add(cell(dir, "open-close " + c.path, "Amoeba", millis(open.apply(dir), p -> new OpenClose(p, c), OpenClose::openClose)));
        }
        for (FileRead.Size s : FileRead.Size.values()) {
            cells.add(cell(dir, "read " + s.label, "Amoeba", millis(open.apply(dir), p -> new FileRead(p, s), FileRead::read)));
        }
        for (CreateDelete.Case c : CreateDelete.Case.values()) {
            String row = "create-delete " + (c == CreateDelete.Case.NO_DATA ? "no data" : c.label.replace("kbytes", "Kbytes"));
            for (String platform : List.of(AmoebaProvider.BULLET_SIMULATED, dir)) {
                String column = platform.equals(dir) ? "Amoeba BULLET/DIR" : "Amoeba BULLET";
                cells.add(cell(platform, row, column, millis(open.apply(platform), p -> new CreateDelete(p, c), CreateDelete::iteration)));
            }
        }
        return cells;
    }

    private static SimulatedPaper.Cell cell(String platform, String row, String column, double ms) {
        return DouglisCells.cell(platform, "2", "", row, column, "ms", ms, null);
    }

    /** Virtual milliseconds of one operation of a workload set up on a fresh platform. */
    private static <W> double millis(Platform platform, Function<Platform, W> setUp, Consumer<W> operation) {
        try (platform) {
            W workload = setUp.apply(platform);
            return DouglisCells.perCall(platform, p -> operation.accept(workload)) / 1e6;
        }
    }
}
