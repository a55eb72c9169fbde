package org.asfast.v;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asfast.model.Parameter;

/**
 * Solves V's calibrated parameters again: each is set so that the simulation reproduces the one paper cell
 * its source names, in file order, repeated until nothing moves (two of them share cells' mechanisms).
 * Prints the solved values for parameters.csv. Run: java ... org.asfast.v.VCalibration
 */
final class VCalibration {
    private VCalibration() {
    }

    static Map<String, Double> solve() {
        Map<String, Double> paper = Baselines.cheriton();
        Map<String, Double> values = new LinkedHashMap<>();
        List<Parameter> calibrated = new ArrayList<>();
        for (Parameter p : VParameters.bundled()) {
            if (p.isCalibration()) {
                calibrated.add(p);
                values.put(p.name(), p.number());
            }
        }
        for (int pass = 0; pass < 8; pass++) {
            double moved = 0;
            for (Parameter p : calibrated) {
                double target = paper.get(p.calibrationCell());
                double before = values.get(p.name());
                double solved = bisect(p, target, values);
                values.put(p.name(), solved);
                moved = Math.max(moved, Math.abs(solved - before) / before);
            }
            if (moved < 1e-6) {
                break;
            }
        }
        return values;
    }

    private static double cell(Parameter p, double value, Map<String, Double> values) {
        List<Parameter> changes = new ArrayList<>();
        values.forEach((name, v) -> changes.add(new Parameter("V", name, Double.toString(name.equals(p.name()) ? value : v), "", "calibrating")));
        return VCells.one(p.calibrationCell(), changes).value();
    }

    /** The value in a wide bracket around the current one at which the cell meets {@code target}. */
    private static double bisect(Parameter p, double target, Map<String, Double> values) {
        double lo = values.get(p.name()) / 100;
        double hi = values.get(p.name()) * 100;
        double fLo = cell(p, lo, values) - target;
        double fHi = cell(p, hi, values) - target;
        if (Math.signum(fLo) == Math.signum(fHi)) {
            throw new IllegalStateException(p.name() + " cannot reproduce " + p.calibrationCell() + " = " + target
                    + " between " + lo + " and " + hi + " (cells " + (fLo + target) + ", " + (fHi + target) + ")");
        }
        for (int i = 0; i < 60; i++) {
            double mid = Math.sqrt(lo * hi);
            double f = cell(p, mid, values) - target;
            if (Math.signum(f) == Math.signum(fLo)) {
                lo = mid;
                fLo = f;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    public static void main(String[] args) {
        solve().forEach((name, value) -> System.out.printf("%s,%.4g%n", name, value));
    }
}
