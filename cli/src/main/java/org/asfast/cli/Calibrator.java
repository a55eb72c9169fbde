package org.asfast.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelRow;
import org.asfast.model.Parameter;
import org.asfast.report.Baselines;
import org.asfast.report.RowLabel;
import org.asfast.spi.UserError;
import org.asfast.workloads.WorkloadRegistry;

/**
 * Solves each calibrated parameter so that the model reproduces its named cell, with the other
 * parameters held, in file order, repeating the passes until no value moves by more than 0.01%.
 * This is the only place where paper values reach the model, and only through the cells the
 * parameter file names.
 */
final class Calibrator {
    private static final int MAX_PASSES = 25;
    private static final double CONVERGED = 1e-4;

    private final Baselines baselines;

    Calibrator(Baselines baselines) {
        this.baselines = baselines;
    }

    /** A calibrated parameter and the cell it reproduces. */
    record Target(Parameter parameter, ModelRow row, WorkloadRegistry.Entry column, double paper) {
    }

    /** The calibrated values, by subject/name, to four significant digits. */
    Map<String, String> solve(ModelParameters start) {
        List<Target> targets = targets(start);
        ModelParameters current = start;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            double largestChange = 0;
            for (Target target : targets) {
                Parameter now = current.find(target.parameter().subject(), target.parameter().name());
                double before = now.number();
                double solved = solveOne(current, target, before);
                largestChange = Math.max(largestChange, solved == before ? 0 : Math.abs(solved - before) / Math.max(Math.abs(before), Math.abs(solved)));
                current = current.with(List.of(withValue(now, solved)));
            }
            if (largestChange < CONVERGED) {
                break;
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Target target : targets) {
            Parameter p = current.find(target.parameter().subject(), target.parameter().name());
            Parameter was = start.find(p.subject(), p.name());
            values.put(p.subject() + "/" + p.name(), roundedLike(p.number(), was.value()));
        }
        return values;
    }

    /**
     * The solved value to four significant digits, or the starting value where that is within one
     * unit of its last digit of the solution: the passes converge to 0.01%, so a solution near a
     * rounding boundary would otherwise round one way from one start and the other way from the
     * next, and calibrating the shipped file would keep changing it (SS1's seek went 2.193, 2.192, 2.193).
     */
    static String roundedLike(double solved, String startText) {
        double start = Double.parseDouble(startText);
        if (start != 0 && startText.equals(round(start))) {
            double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(start))) - 3);
            if (Math.abs(solved - start) <= unit) {
                return startText;
            }
        }
        return round(solved);
    }

    List<Target> targets(ModelParameters parameters) {
        List<Target> targets = new ArrayList<>();
        for (Parameter p : parameters.all()) {
            if (!p.isSolved()) {
                continue; // a value chosen or read off by hand is a calibration too, but there is nothing to solve
            }
            String[] cell = p.calibrationCell().split("\\|", -1);
            String table = cell[1].trim();
            RowLabel label = new RowLabel(cell[2].trim(), cell[3].trim(), cell[4].trim());
            String column = cell[5].trim();
            double paper = baselines.value(cell[0].trim(), table, label, column)
                    .orElseThrow(() -> new UserError("the calibration cell '" + p.calibrationCell() + "' is not in results/baselines"));
            ModelRow row = rowFor(label);
            String paperKey = cell[0].trim();
            WorkloadRegistry.Entry measured = ModelCells.columns(row).stream()
                    .filter(c -> c.paper().equals(paperKey) && c.table().equals(table) && c.column().equals(column)).findFirst()
                    .orElseThrow(() -> new UserError("the model does not produce " + paperKey + " table " + table + " column " + column));
            targets.add(new Target(p, row, measured, paper));
        }
        return targets;
    }

    /** The modelled row for a paper row label. */
    static ModelRow rowFor(RowLabel label) {
        String config = switch (label.config()) {
            case "" -> "Local";
            case "Remote" -> "Diskless";
            default -> label.config();
        };
        return ModelRow.all().stream()
                .filter(r -> r.machine().equals(label.machine()) && r.os().equals(label.os()) && r.config().equals(config))
                .findFirst().orElseThrow(() -> new UserError("no modelled row for " + label));
    }

    /**
     * Finds the value, by bisection on its logarithm, that makes the cell match the paper. A value
     * that already does as well is kept, so that solving again changes nothing (a disk-bound cell is
     * flat over a range of values).
     */
    private double solveOne(ModelParameters parameters, Target target, double guess) {
        double found = bisect(parameters, target, guess > 0 ? guess : 1);
        double missFound = Math.abs(miss(parameters, target, found));
        double missGuess = Math.abs(miss(parameters, target, guess));
        // A cost whose cell comes out as well without it is zero, whatever the starting value.
        double atZero = missAtZero(parameters, target);
        if (atZero <= missFound + 1e-12 && atZero <= missGuess + 1e-12) {
            return 0;
        }
        return missGuess <= missFound + 1e-12 ? guess : found;
    }

    private double bisect(ModelParameters parameters, Target target, double guess) {
        double low = guess / 1000;
        double high = guess * 1000;
        double fLow = miss(parameters, target, low);
        double fHigh = miss(parameters, target, high);
        if (Math.signum(fLow) == Math.signum(fHigh)) {
            // the cell cannot be reached within a factor of 1000: keep the end that comes closest
            return Math.abs(fLow) < Math.abs(fHigh) ? low : high;
        }
        for (int i = 0; i < 80 && high / low > 1 + 1e-7; i++) {
            double mid = Math.sqrt(low * high);
            double fMid = miss(parameters, target, mid);
            if (Math.signum(fMid) == Math.signum(fLow)) {
                low = mid;
                fLow = fMid;
            } else {
                high = mid;
                fHigh = fMid;
            }
        }
        // Disk-bound cells move in whole rotations, so the answer may be the edge of a step: keep the
        // closer side, moved 1% into its flat part so that rounding the value cannot cross the edge.
        boolean lowIsCloser = Math.abs(fLow) <= Math.abs(fHigh);
        double chosen = lowIsCloser ? low : high;
        double inward = lowIsCloser ? low / 1.01 : high * 1.01;
        return Math.abs(miss(parameters, target, inward) - (lowIsCloser ? fLow : fHigh)) < 1e-9 ? inward : chosen;
    }

    /** How far the cell is off without the cost; infinitely, where the model cannot run without it (a bandwidth of 0). */
    private double missAtZero(ModelParameters parameters, Target target) {
        try {
            double miss = Math.abs(miss(parameters, target, 0));
            return Double.isNaN(miss) ? Double.POSITIVE_INFINITY : miss;
        } catch (IllegalStateException | ArithmeticException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private double miss(ModelParameters parameters, Target target, double value) {
        ModelParameters trial = parameters.with(List.of(withValue(target.parameter(), value)));
        double model;
        try {
            model = ModelCells.measure(target.row(), target.column(), row -> new ModelPlatform(row.platform(), row, trial)).orElseThrow().value();
        } catch (UserError gaveUp) {
            // A mounted system's client gave up on a call (Sprite's after 8 tries): its server works longer than that, far too slow.
            return Double.POSITIVE_INFINITY;
        }
        return Math.log(model / target.paper());
    }

    private static Parameter withValue(Parameter p, double value) {
        return new Parameter(p.subject(), p.name(), Double.toString(value), p.unit(), p.source());
    }

    static String round(double value) {
        if (Math.abs(value) < 1e-6) {
            return "0"; // a cost the model overshoots even at nothing: zero, not a vanishing number
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
