package org.asfast.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.asfast.model.Parameter;
import org.asfast.report.Baselines;
import org.asfast.report.Fidelity;
import org.asfast.report.RowLabel;
import org.asfast.report.SimulatedCells;
import org.asfast.report.TableIds;
import org.asfast.spi.UserError;
import org.asfast.systems.SimulatedPaper;

/**
 * Every paper registered as a {@link SimulatedPaper}, its cells tagged and set beside the paper's printed values
 * (results/baselines), the fidelity per table, and the rows of a run's simulated.csv. Nothing here knows a paper.
 */
final class SimulatedPapers {
    static final double GOAL = 0.15;

    /** A simulated cell, its tag and the paper's value of it, if printed. */
    /** A cell with its tag, the paper's value (null: none) and, for a calibration, the parameters calibrated on it. */
    record Compared(SimulatedPaper.Cell cell, String tag, Double paper, String calibratedBy) {
        Double error() {
            return paper == null ? null : cell.value() / paper - 1;
        }

        boolean calibration() {
            return tag.equals(SimulatedPaper.CALIBRATION);
        }

        boolean outOfSample() {
            return tag.equals(SimulatedPaper.OUT_OF_SAMPLE);
        }
    }

    /** One table's fidelity over the cells it counts (printed, not derived). */
    record Summary(String paper, String table, int cells, int calibrations, int predictions, double median) {
        boolean meetsGoal() {
            return median <= GOAL;
        }

        /** Calibration cells are under a third of the table's cells, the model's rule too. */
        boolean withinBudget() {
            return Fidelity.withinBudget(calibrations, cells);
        }
    }

    private SimulatedPapers() {
    }

    /** The registered papers, in a fixed order (by class name). */
    static List<SimulatedPaper> all() {
        return ServiceLoader.load(SimulatedPaper.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(p -> p.getClass().getName())).toList();
    }

    static List<Compared> compare(SimulatedPaper paper, Baselines baselines) {
        List<Compared> compared = new ArrayList<>();
        Map<String, List<String>> calibratedBy = paper.calibratedBy();
        for (SimulatedPaper.Tagged t : paper.tagged()) {
            SimulatedPaper.Cell c = t.cell();
            // no paper value: a table the paper does not have (Andrew on Amoeba), or a figure its table lacks (xFS's read costs)
            Double printed = baselines.value(c.paper(), c.table(), row(c), c.column()).orElse(null);
            String tag = printed == null && t.tag().startsWith(SimulatedPaper.PREDICTION) ? SimulatedPaper.NO_PAPER_VALUE : t.tag();
            List<String> by = t.calibration() ? calibratedBy.getOrDefault(c.sameAs() != null && !calibratedBy.containsKey(c.key()) ? c.sameAs() : c.key(), List.of())
                    : List.of();
            compared.add(new Compared(c, tag, printed, String.join(", ", by)));
        }
        return compared;
    }

    static RowLabel row(SimulatedPaper.Cell c) {
        return new RowLabel(c.machine(), c.os(), c.config());
    }

    /** Per (paper, table), in the papers' order: cells, calibrations, predictions and the median |error| of the predictions. */
    static List<Summary> summaries(List<Compared> compared) {
        Map<List<String>, List<Compared>> byTable = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1), TableIds.ORDER));
        compared.stream().filter(c -> c.paper() != null && !c.tag().equals(SimulatedPaper.DERIVED))
                .forEach(c -> byTable.computeIfAbsent(List.of(c.cell().paper(), c.cell().table()), t -> new ArrayList<>()).add(c));
        List<Summary> summaries = new ArrayList<>();
        byTable.forEach((key, cs) -> {
            List<Double> errors = cs.stream().filter(c -> !c.calibration()).map(c -> Math.abs(c.error())).sorted().toList();
            int n = errors.size();
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? errors.get(n / 2) : (errors.get(n / 2 - 1) + errors.get(n / 2)) / 2;
            summaries.add(new Summary(key.get(0), key.get(1), cs.size(), cs.size() - n, n, median));
        });
        return summaries;
    }

    /** The cells as a run's simulated.csv holds them. */
    static List<SimulatedCells.Cell> simulatedCells(List<Compared> compared) {
        return compared.stream().map(c -> new SimulatedCells.Cell(c.cell().paper(), c.cell().table(), row(c.cell()), c.cell().column(),
                c.cell().unit(), c.cell().value(), c.cell().platform(), c.tag(), c.calibratedBy())).toList();
    }

    /** Every registered paper's simulated cells, tagged against the papers' tables. */
    static List<SimulatedCells.Cell> simulatedCells(Baselines baselines) {
        List<SimulatedCells.Cell> cells = new ArrayList<>();
        for (SimulatedPaper paper : all()) {
            cells.addAll(simulatedCells(compare(paper, baselines)));
        }
        return cells;
    }

    /**
     * Solves each of a paper's solvable calibrations ({@link Parameter#isSolved()}), in turn, so that its cell comes
     * out as the paper's: bisection on a value the cell grows with (every calibrated cost does), from nothing to ten
     * times the shipped value; each solved value stays for the next.
     */
    static Map<String, Double> calibrate(SimulatedPaper paper, Baselines baselines) {
        Map<String, Double> solved = new LinkedHashMap<>();
        List<Parameter> changes = new ArrayList<>();
        java.util.Set<String> own = paper.cells(List.of()).stream().map(SimulatedPaper.Cell::key).collect(java.util.stream.Collectors.toSet());
        for (Parameter p : paper.calibrations()) {
            if (!p.isSolved() || !own.contains(p.calibrationCell())) {
                continue; // solved by the class that fills that cell's table (several may fill one paper)
            }
            String cell = p.calibrationCell();
            String[] parts = cell.split("\\|", -1);
            double target = baselines.value(parts[0].trim(), parts[1].trim(), new RowLabel(parts[2].trim(), parts[3].trim(), parts[4].trim()), parts[5].trim())
                    .orElseThrow(() -> new UserError("no paper cell " + cell + " for " + p.name()));
            double lo = 0;
            double hi = 10 * p.number();
            for (int i = 0; i < 40; i++) {
                double mid = (lo + hi) / 2;
                List<Parameter> trial = new ArrayList<>(changes);
                trial.add(with(p, mid));
                double value = paper.cells(trial).stream().filter(c -> c.key().equals(cell)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no simulated cell " + cell)).value();
                if (value < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double value = (lo + hi) / 2;
            solved.put(p.name(), value);
            changes.add(with(p, value));
        }
        return solved;
    }

    private static Parameter with(Parameter p, double value) {
        return new Parameter(p.subject(), p.name(), Double.toString(value), p.unit(), p.source());
    }
}
