package org.asfast.xfs;

import java.util.List;
import org.asfast.model.Parameter;
import org.asfast.systems.SimulatedPaper;
import org.asfast.systems.SystemParameters;

/** The xFS paper's §6.2 figures and the read costs from each place a block can be, as the simulated installation fills them ({@link XfsCells}). */
public final class XfsPaper implements SimulatedPaper {
    @Override
    public String paper() {
        return XfsCells.PAPER;
    }

    @Override
    public List<Parameter> parameters() {
        return XfsSimulated.parameters().all();
    }

    @Override
    public List<Cell> cells(List<Parameter> changes) {
        SystemParameters p = XfsSimulated.parameters();
        for (Parameter change : changes) {
            p = p.with(change.name(), change.number());
        }
        return XfsCells.all(p).stream().map(c -> new Cell(paper(), "text", c.machine(), c.os(), c.config(), c.column(), c.unit(), c.value(),
                XfsCells.PLATFORM, null, false)).toList();
    }
}
