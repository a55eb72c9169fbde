package org.asfast.v;

import java.util.List;
import org.asfast.model.Parameter;
import org.asfast.systems.SimulatedPaper;

/** Cheriton's Tables I and II and his text, as the simulated V fills them ({@link VCells}). */
public final class VPaper implements SimulatedPaper {
    @Override
    public String paper() {
        return "cheriton1988";
    }

    @Override
    public List<Parameter> parameters() {
        return VParameters.bundled();
    }

    @Override
    public List<Cell> cells(List<Parameter> changes) {
        return VCells.all(changes).stream().map(c -> new Cell(paper(), c.table(), c.machine(), c.os(), c.config(), c.column(), c.unit(), c.value(),
                platform(c), VCells.sameMeasurement(c), VCells.derived(c))).toList();
    }

    private static String platform(VCells.Cell c) {
        if (c.os().equals(VCells.UNIX_VMTP)) {
            return "mvax2-unix-vmtp-sim";
        }
        return c.machine().equals(VCells.MVAX2) ? "mvax2-v-sim" : "sun3-75-v-sim";
    }
}
