package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asfast.model.Parameter;
import org.asfast.systems.SimulatedPaper;
import org.junit.jupiter.api.Test;

/**
 * Every calibration of a simulated paper moves at least one of the cells it names when the tagger moves it: else the
 * tagger, which finds out-of-sample cells by these moves, could not see what depends on it (a weight of 0 halved and
 * doubled stays 0, so 0 moves to 1).
 */
class CalibrationsMoveTheirCellsTest {

    @Test
    void eachCalibrationMovedAsTheTaggerMovesItChangesACellItNames() {
        for (SimulatedPaper paper : SimulatedPapers.all()) {
            Map<String, Double> shipped = new HashMap<>();
            paper.cells(List.of()).forEach(c -> shipped.put(c.key(), c.value()));
            Map<String, Parameter> calibrations = new LinkedHashMap<>();
            paper.calibrations().forEach(p -> calibrations.putIfAbsent(p.name(), p));
            for (Parameter p : calibrations.values()) {
                List<String> named = p.calibrationCells().stream().filter(shipped::containsKey).toList();
                if (named.isEmpty()) {
                    continue; // it names cells another of the paper's classes fills
                }
                boolean moves = false;
                for (Parameter moved : SimulatedPaper.moves(p)) {
                    for (SimulatedPaper.Cell c : paper.cells(List.of(moved))) {
                        moves |= named.contains(c.key()) && Math.abs(c.value() - shipped.get(c.key())) > SimulatedPaper.MOVED * Math.abs(shipped.get(c.key()));
                    }
                }
                assertTrue(moves, paper.getClass().getSimpleName() + ": moving " + p.name() + " as the tagger does changes none of " + named);
            }
        }
    }
}
