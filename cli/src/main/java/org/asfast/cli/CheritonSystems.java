package org.asfast.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.asfast.report.Baselines;
import org.asfast.report.RowLabel;
import org.asfast.report.TableIds;
import org.asfast.v.VCells;

/**
 * Cheriton's Tables I and II and his in-text figures as the simulated V fills them, beside the paper's cells,
 * tagged calibration, prediction or prediction (out-of-sample), with the fidelity per table. V computes its cells
 * without the paper (VCells); only here are they matched with results/baselines.
 */
final class CheritonSystems {
    static final String PAPER = "cheriton1988";

    /** A simulated cell and the paper's value of it, if printed. */
    record Compared(VCells.Cell cell, String tag, Double paper) {
        Double error() {
            return paper == null ? null : cell.value() / paper - 1;
        }

        boolean calibration() {
            return tag.equals("calibration");
        }

        String platform() {
            return cell.machine().equals("MicroVAX II") ? "mvax2-v-sim" : "sun3-75-v-sim";
        }
    }

    private CheritonSystems() {
    }

    static List<Compared> compare(Baselines baselines) {
        List<Compared> compared = new ArrayList<>();
        for (VCells.Cell c : VCells.all()) {
            Optional<Double> paper = baselines.value(PAPER, c.table(), new RowLabel(c.machine(), "V", c.config()), c.column());
            String tag = VCells.tag(c);
            compared.add(new Compared(c, tag.equals("out-of-sample") ? "prediction (out-of-sample)" : tag, paper.orElse(null)));
        }
        return compared;
    }

    /** The cells as a run's simulated.csv holds them (V's derived cells keep their tag, which the report does not count). */
    static List<org.asfast.report.SimulatedCells.Cell> simulatedCells(List<Compared> compared) {
        return compared.stream().map(c -> new org.asfast.report.SimulatedCells.Cell(PAPER, c.cell().table(),
                new RowLabel(c.cell().machine(), "V", c.cell().config()), c.cell().column(), c.cell().unit(), c.cell().value(), c.platform(), c.tag())).toList();
    }

    /** Per table, over the cells it counts (not the derived ones): cells, calibrations, predictions, median |error| of the predictions. */
    static List<SystemsCommand.Summary> summaries(List<Compared> compared) {
        Map<String, List<Compared>> byTable = new TreeMap<>(TableIds.ORDER);
        compared.stream().filter(c -> c.paper() != null && !c.tag().equals("derived")).forEach(c -> byTable.computeIfAbsent(c.cell().table(), t -> new ArrayList<>()).add(c));
        List<SystemsCommand.Summary> summaries = new ArrayList<>();
        byTable.forEach((table, cs) -> {
            List<Double> errors = cs.stream().filter(c -> !c.calibration()).map(c -> Math.abs(c.error())).sorted().toList();
            int n = errors.size();
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? errors.get(n / 2) : (errors.get(n / 2 - 1) + errors.get(n / 2)) / 2;
            summaries.add(new SystemsCommand.Summary(table, cs.size(), cs.size() - n, n, median));
        });
        return summaries;
    }
}
