package org.asfast.rmem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asfast.model.Parameter;
import org.asfast.systems.SystemParameters;

/**
 * Solves rmem's calibrated parameters again: each is set so that the simulation reproduces the one paper cell its
 * source names. Both cells are linear in their parameter (a cost charged once on the measured path), so two points
 * give the value; the pass repeats until nothing moves. Run: java ... org.asfast.rmem.RmemCalibration
 */
final class RmemCalibration {
    private RmemCalibration() {
    }

    static Map<String, Double> solve() {
        Map<String, Double> paper = Baselines.thekkath();
        SystemParameters p = RmemSimulated.parameters();
        Map<String, Double> solved = new LinkedHashMap<>();
        for (int pass = 0; pass < 4; pass++) {
            for (Parameter c : p.all()) {
                if (!c.isCalibration() || !c.calibrationCell().startsWith(RmemCells.PAPER)) {
                    continue;
                }
                double at0 = RmemCells.one(c.calibrationCell(), p.with(c.name(), 0));
                double at1000 = RmemCells.one(c.calibrationCell(), p.with(c.name(), 1000));
                double value = (paper.get(c.calibrationCell()) - at0) / (at1000 - at0) * 1000;
                p = p.with(c.name(), value);
                solved.put(c.name(), value);
            }
        }
        return solved;
    }

    public static void main(String[] args) {
        solve().forEach((name, value) -> System.out.printf("%s,%.5g%n", name, value));
    }
}
