package org.asfast.rmem;

import java.util.List;
import org.asfast.model.Parameter;
import org.asfast.systems.SimulatedPaper;
import org.asfast.systems.SystemParameters;

/** Thekkath et al.'s Tables 2 and 3 and their text, as the simulated DECstations fill them ({@link RmemCells}). */
public final class ThekkathPaper implements SimulatedPaper {
    static final String PLATFORM = "ds5000-rmem-sim";

    @Override
    public String paper() {
        return RmemCells.PAPER;
    }

    @Override
    public List<Parameter> parameters() {
        return RmemSimulated.parameters().all();
    }

    @Override
    public List<Cell> cells(List<Parameter> changes) {
        SystemParameters p = RmemSimulated.parameters();
        for (Parameter change : changes) {
            p = p.with(change.name(), change.number());
        }
        return RmemCells.all(p).stream().map(c -> new Cell(paper(), c.table(), c.machine(), c.os(), c.config(), c.column(), c.unit(), c.value(),
                PLATFORM, null, RmemCells.derived(c))).toList();
    }
}
