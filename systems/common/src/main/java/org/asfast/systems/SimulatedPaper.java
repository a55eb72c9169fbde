package org.asfast.systems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asfast.model.Parameter;

/**
 * One paper's cells as simulated systems fill them, in virtual time. A paper plugs in with one class implementing
 * this, registered in {@code META-INF/services/org.asfast.systems.SimulatedPaper}: {@code asfast systems} and the
 * run then tag its cells (calibration, prediction, out-of-sample, derived), compare them with results/baselines,
 * give the fidelity per table, and write them into simulated.csv, which the report shows beside the paper's rows.
 * Several classes may fill one paper (each its own tables).
 */
public interface SimulatedPaper {

    /** The paper's id as results/baselines names it ({@code douglis1991}). */
    String paper();

    /**
     * Every parameter the cells are computed from, with its source. Those whose calibration names a cell of
     * {@link #paper()} are this paper's calibrations: the cells they name are tagged calibration, and a cell that
     * does not move when they move is predicted out-of-sample.
     */
    List<Parameter> parameters();

    /** Every cell, computed with {@code changes} (parameters of {@link #parameters()} with other values) applied. */
    List<Cell> cells(List<Parameter> changes);

    /**
     * One simulated cell, keyed as results/baselines keys the paper's cells.
     *
     * @param platform the simulated platform it ran on ({@code sun3-60-amoeba-sim})
     * @param sameAs   the key of the cell whose measurement this one repeats (a text figure repeating a table cell), or null
     * @param derived  the paper computes it from its other cells: shown, not counted in the fidelity
     */
    record Cell(String paper, String table, String machine, String os, String config, String column, String unit, double value,
                String platform, String sameAs, boolean derived) {
        public String key() {
            return String.join(" | ", paper, table, machine, os, config, column);
        }
    }

    /** A cell and how it stands: {@code calibration}, {@code derived}, {@code prediction} or {@code prediction (out-of-sample)}. */
    record Tagged(Cell cell, String tag) {
        public boolean calibration() {
            return tag.equals(CALIBRATION);
        }
    }

    String CALIBRATION = "calibration";
    String DERIVED = "derived";
    String PREDICTION = "prediction";
    String OUT_OF_SAMPLE = "prediction (out-of-sample)";
    /** A prediction the paper has no value for (Andrew on Amoeba and Sprite; xFS's read costs): nothing can check it yet. */
    String NO_PAPER_VALUE = "prediction, no paper value";
    /**
     * How far each calibrated parameter moves, alone, to find what a cell depends on ({@link #moves}). Alone: moving
     * them all together leaves a ratio of two costs they scale alike where it was. Halved and doubled: a cell that
     * rounds (whole collisions) can stay put under a small move.
     */
    double[] MOVES = {0.5, 2.0};

    /** {@code p} moved as the tagger moves it: halved and doubled, or, at 0 (a weight's exponent, a no), to 1. */
    static List<Parameter> moves(Parameter p) {
        if (p.number() == 0) {
            return List.of(new Parameter(p.subject(), p.name(), "1", p.unit(), "moved"));
        }
        List<Parameter> moved = new ArrayList<>();
        for (double factor : MOVES) {
            moved.add(new Parameter(p.subject(), p.name(), Double.toString(factor * p.number()), p.unit(), "moved"));
        }
        return moved;
    }
    /** A cell moved when it changed by more than this fraction: less is the simulation's rounding to whole nanoseconds. */
    double MOVED = 1e-4;

    /** The parameters calibrated on this paper's cells. */
    default List<Parameter> calibrations() {
        return parameters().stream().filter(p -> p.isCalibration() && p.calibrationCells().stream().anyMatch(c -> c.startsWith(paper() + " | "))).toList();
    }

    /** For each cell a calibration names (its key), the names of the parameters calibrated on it. */
    default Map<String, List<String>> calibratedBy() {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (Parameter p : calibrations()) {
            p.calibrationCells().forEach(cell -> {
                List<String> names = by.computeIfAbsent(cell, k -> new ArrayList<>());
                if (!names.contains(p.name())) {
                    names.add(p.name());
                }
            });
        }
        return by;
    }

    /**
     * Every cell with the shipped parameters, tagged. A derived cell is {@code derived}; a cell named by a
     * calibration (or repeating one that is) is {@code calibration}; a cell that does not move when every parameter
     * calibrated on this paper's cells moves (whichever machine the cell was on: a cost solved on one machine's cell
     * that predicts another machine's cell is still fitted on this paper) is predicted from figures fitted elsewhere
     * (Ousterhout's tables) and assumptions alone: {@code prediction (out-of-sample)}.
     */
    default List<Tagged> tagged() {
        List<Cell> cells = cells(List.of());
        Set<String> calibrated = new LinkedHashSet<>();
        Map<String, Parameter> calibratedParameters = new LinkedHashMap<>();
        for (Parameter p : calibrations()) {
            calibrated.addAll(p.calibrationCells());
            calibratedParameters.putIfAbsent(p.name(), p);
        }
        List<Map<String, Double>> after = new ArrayList<>();
        for (Parameter p : calibratedParameters.values()) {
            for (Parameter moved : moves(p)) {
                Map<String, Double> values = new HashMap<>();
                cells(List.of(moved)).forEach(x -> values.put(x.key(), x.value()));
                after.add(values);
            }
        }
        List<Tagged> tagged = new ArrayList<>();
        for (Cell c : cells) {
            String tag;
            if (c.derived()) {
                tag = DERIVED;
            } else if (calibrated.contains(c.key()) || c.sameAs() != null && calibrated.contains(c.sameAs())) {
                tag = CALIBRATION;
            } else {
                boolean moves = after.stream().anyMatch(values -> {
                    Double value = values.get(c.key());
                    return value == null || Math.abs(value - c.value()) > MOVED * Math.abs(c.value());
                });
                tag = moves ? PREDICTION : OUT_OF_SAMPLE;
            }
            tagged.add(new Tagged(c, tag));
        }
        return tagged;
    }
}
