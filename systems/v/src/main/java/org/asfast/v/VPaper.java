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
        return VCells.all(changes).stream().map(c -> new Cell(paper(), c.table(), c.machine(), "V", c.config(), c.column(), c.unit(), c.value(),
                c.machine().equals(VCells.MVAX2) ? "mvax2-v-sim" : "sun3-75-v-sim", VCells.sameMeasurement(c), VCells.derived(c))).toList();
    }
}
