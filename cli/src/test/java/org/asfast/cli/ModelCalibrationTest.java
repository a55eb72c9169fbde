package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asfast.model.Explanations;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelRow;
import org.asfast.model.Parameter;
import org.asfast.report.Baselines;
import org.asfast.report.Fidelity;
import org.asfast.report.ModelProvenance;
import org.asfast.report.RowLabel;
import org.asfast.systems.SimulatedPaper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The model's parameter file against the paper: calibrations reproduce their cells, within budget, misses explained. */
@Execution(ExecutionMode.CONCURRENT) // beside the other classes (junit-platform.properties)
class ModelCalibrationTest {
    private static Baselines baselines;
    private static ModelParameters parameters;
    private static Fidelity fidelity;

    @BeforeAll
    static void load() {
        baselines = Baselines.load(Path.of("..", "results", "baselines"));
        parameters = ModelParameters.bundled();
        List<ModelCells.Cell> cells = ModelCells.measureAll(ModelRow.all(), r -> new ModelPlatform(r.platform(), r, parameters));
        fidelity = ModelProvenance.fidelity(ModelCommand.modelled(cells), baselines,
                parameters.all().stream().map(Parameter::source).toList(), Explanations.bundled());
    }

    @Test
    void everyCalibratedParameterReproducesItsCell() {
        List<String> misses = new ArrayList<>();
        for (Calibrator.Target t : new Calibrator(baselines).targets(parameters)) {
            double model = ModelCells.measure(t.row(), t.column(), r -> new ModelPlatform(r.platform(), r, parameters)).orElseThrow().value();
            // Within 2%, or the cost was solved to 0 and the cell still comes out above the paper: the model's floor (for
            // Table 10's fastest disks, four synchronous writes) is above it. Those misses are listed in the report.
            boolean atFloor = t.parameter().number() == 0 && model > t.paper();
            if (Math.abs(model - t.paper()) > 0.02 * t.paper() && !atFloor) {
                misses.add(t.parameter().subject() + "/" + t.parameter().name() + ": model " + model + ", paper " + t.paper());
            }
        }
        assertEquals(List.of(), misses, "run './asfast model --calibrate platforms/model/src/main/resources/org/asfast/model/parameters.csv'");
    }

    @Test
    void calibratingFromOtherStartingValuesGivesTheShippedValues() {
        // Start every calibrated value elsewhere: the answer must not depend on the start.
        List<Parameter> moved = parameters.all().stream().filter(Parameter::isSolved)
                .map(p -> new Parameter(p.subject(), p.name(), moved(p.value()), p.unit(), p.source())).toList();
        Map<String, String> solved = new Calibrator(baselines).solve(parameters.with(moved));
        List<String> different = new ArrayList<>();
        solved.forEach((key, value) -> {
            Parameter again = ModelParameters.parseSetting(key + "=" + value);
            double shipped = parameters.find(again.subject(), again.name()).number();
            if (Math.abs(Double.parseDouble(value) - shipped) > 0.005 * Math.abs(shipped) + 1e-6) {
                different.add(key + ": shipped " + shipped + ", solved again " + value);
            }
        });
        assertEquals(List.of(), different);
    }

    /** A different starting value: twice the shipped one, or 1 for a zero. */
    private static String moved(String value) {
        double number = Double.parseDouble(value);
        return Double.toString(number == 0 ? 1 : 2 * number);
    }

    @Test
    void calibrationCellsAreUnderAThirdOfEveryTable() {
        assertFalse(fidelity.summaries().isEmpty());
        for (Fidelity.Summary s : fidelity.summaries()) {
            assertTrue(s.withinBudget(), "table " + s.table() + ": " + s.calibrations() + " calibration cells of " + s.cells());
            assertTrue(s.predictions() > 0, "table " + s.table() + " has predictions");
        }
    }

    @Test
    void everyCalibrationNamesARealPaperCellAndEveryOtherCellIsAPrediction() {
        // Solved or chosen by hand, every cell a parameter names is in the paper; those the model produces are calibration cells.
        List<String> named = parameters.all().stream().flatMap(p -> p.calibrationCells().stream()).distinct().toList();
        List<String> modelled = new ArrayList<>();
        for (String cell : named) {
            List<String> f = org.asfast.spi.Provenance.fields(cell);
            RowLabel row = new RowLabel(f.get(2), f.get(3), f.get(4));
            assertTrue(baselines.value(f.get(0), f.get(1), row, f.get(5)).isPresent(), cell + " is a printed cell");
            if (fidelity.cells().stream().anyMatch(c -> Fidelity.key(c.paper(), c.table(), c.row(), c.column()).equals(Fidelity.key(f.get(0), f.get(1), row, f.get(5))))) {
                modelled.add(cell);
            }
        }
        long tagged = fidelity.cells().stream().filter(Fidelity.Cell::calibration).count();
        assertEquals(modelled.size(), tagged, "each named modelled cell is one calibration cell in the fidelity table");
        assertTrue(named.size() > modelled.size(), "§11's in-text jump is named too, though the model does not produce it");
    }

    @Test
    void byHandCalibrationsAreTaggedAsSuch() {
        // The three inputs that were once credited as predictions, and Mach's truncate, first fitted as a count.
        for (String name : List.of("os:RISC/os 4.0/select_idle_wait_ms", "os:RISC/os 4.0/create_sync_writes", "os:RISC/os 4.0/delete_sync_writes",
                "os:SunOS 4.0.3/mapped_file_stall_above_kb", "os:Mach 2.5/empty_truncate_writes_inode")) {
            Parameter p = ModelParameters.parseSetting(name + "=0");
            Parameter shipped = parameters.find(p.subject(), p.name());
            assertTrue(shipped.isCalibration() && !shipped.isSolved(), name + " is a calibration chosen by hand: " + shipped.source());
        }
        assertEquals(2, parameters.find("os:RISC/os 4.0", "select_idle_wait_ms").calibrationCells().size(), "both empty-pipe cells");
    }

    @Test
    void everyPredictionMoreThanHalfOffIsExplained() {
        List<String> unexplained = fidelity.farOff().stream().filter(c -> c.explanation() == null)
                .map(c -> Fidelity.key(c.paper(), c.table(), c.row(), c.column())).toList();
        assertEquals(List.of(), unexplained, "add a line to explanations.csv (tools/model/explain.py) for each");
    }

    @Test
    void everyExplanationIsOfAPrintedCellMissedByMoreThanFortyPercent() {
        // explanations.csv's header: "Why the model misses these cells by more than 40%" (modelled or simulated cells).
        Map<String, Double> errors = new java.util.HashMap<>();
        fidelity.cells().forEach(c -> errors.put(Fidelity.key(c.paper(), c.table(), c.row(), c.column()), c.model() / c.printed() - 1));
        for (SimulatedPaper paper : SimulatedPapers.all()) {
            for (SimulatedPapers.Compared c : SimulatedPapers.compare(paper, baselines)) {
                if (c.paper() != null) {
                    errors.put(Fidelity.key(c.cell().paper(), c.cell().table(), SimulatedPapers.row(c.cell()), c.cell().column()), c.error());
                }
            }
        }
        List<String> notFarOff = Explanations.bundled().keySet().stream()
                .filter(key -> !errors.containsKey(key) || Math.abs(errors.get(key)) <= 0.4)
                .map(key -> key + (errors.containsKey(key) ? String.format(java.util.Locale.ROOT, " (%+.1f%%)", 100 * errors.get(key)) : " (no such printed cell)")).toList();
        assertEquals(List.of(), notFarOff, "explanations.csv explains cells missed by more than 40%: drop these lines or keep the reason elsewhere");
    }

    @Test
    void everyTableWithAGoalMeetsIt() {
        // The goal: a median |error| of at most 15% over the predictions of Tables 3, 4, 6, 7, 9 and 10.
        for (Fidelity.Summary s : fidelity.summaries()) {
            if (List.of("3", "4", "6", "7", "9", "10").contains(s.table())) {
                assertTrue(s.median() <= Fidelity.GOAL, "table " + s.table() + " median |error| " + s.median());
            }
        }
    }

    @Test
    void modelledMachinesUseTheirTable1Ratings() {
        for (ModelRow row : ModelRow.all()) {
            if (row.machine().equals("Sun3/60")) {
                continue; // not in Table 1: about 3 MIPS per the Amoeba/Sprite paper
            }
            double paper = baselines.value("ousterhout1990", "1", new RowLabel(row.machine(), "", ""), "MIPS").orElseThrow();
            try (ModelPlatform p = new ModelPlatform(row.platform(), row, parameters)) {
                assertEquals(paper, p.parameters().get("mips").number(), 1e-9, row.platform());
            }
        }
    }

    @Test
    void everyRowOfTables2To10HasAModelledPlatform() {
        for (String table : List.of("2", "3", "4", "5", "6", "7", "9", "10")) {
            for (var cell : baselines.table("ousterhout1990", table).cells()) {
                if (cell.isNumber() && !cell.column().contains("MIPS") && !cell.column().equals("Total") && !cell.column().startsWith("Time (getpid")) {
                    assertTrue(fidelity.cells().stream().anyMatch(c -> c.table().equals(table) && c.row().equals(cell.row()) && c.column().equals(cell.column())),
                            "table " + table + " " + cell.row() + " " + cell.column() + " is modelled");
                }
            }
        }
        Map<String, String> explanations = Explanations.bundled();
        assertFalse(explanations.isEmpty());
    }
}
