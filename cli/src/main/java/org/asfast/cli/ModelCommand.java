package org.asfast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.asfast.model.Explanations;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelProvider;
import org.asfast.model.ModelRow;
import org.asfast.model.Parameter;
import org.asfast.report.AtomicFiles;
import org.asfast.report.Baselines;
import org.asfast.report.Fidelity;
import org.asfast.report.ModelProvenance;
import org.asfast.report.OutOfSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asfast model}: runs every modelled row of Ousterhout's Tables 2–10 directly (no JMH) and
 * prints how close it comes to the paper, optionally with what-if changes, or re-solves the
 * calibrated parameters.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Runs the modelled 1990 machines on every workload and compares them with the paper.",
                "With --set or --what-if, runs them with changed parameters (a what-if) and writes the tables again."})
public final class ModelCommand implements Callable<Integer> {

    @Option(names = "--set", paramLabel = "SUBJECT/PARAMETER=VALUE",
            description = "Change one parameter, e.g. DS3100/disk_rotation_ms=0.1 or os:Sprite/delete_sync_writes=0. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--what-if", paramLabel = "FILE", description = "A CSV of parameter changes (columns subject,parameter,value,unit,source).")
    Path whatIf;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write cells.csv and fidelity.csv (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "model");

    @Option(names = "--baselines", paramLabel = "DIR", description = "The paper's tables (default: ${DEFAULT-VALUE}).")
    Path baselinesDir = Path.of("results", "baselines");

    @Option(names = "--list", description = "List the modelled platforms (machine, system, configuration), then stop.")
    boolean list;

    @Option(names = "--calibrate", paramLabel = "PARAMETERS_CSV",
            description = "Solve every calibrated parameter again and rewrite this parameter file (normally platforms/model/src/main/resources/org/asfast/model/parameters.csv).")
    Path calibrate;

    @Override
    public Integer call() {
        ModelParameters parameters = ModelParameters.bundled();
        List<Parameter> changes = changes();
        if (list) {
            ModelRow.all().forEach(r -> System.out.printf("%-28s %s %s %s%n", r.platform(), r.machine(), r.os(), r.config()));
            return 0;
        }
        Baselines baselines = Baselines.load(baselinesDir, "--baselines the folder that holds index.csv");
        if (calibrate != null) {
            return calibrate(parameters, baselines);
        }
        AtomicFiles.requireWritable(out, 16L << 20, "cells.csv and fidelity.csv");
        ModelParameters used = parameters.with(changes);
        long start = System.nanoTime();
        List<ModelCells.Cell> cells = changes.isEmpty()
                ? ModelCells.measureAll(ModelRow.all(), row -> new ModelPlatform(row.platform(), row, used))
                : ModelCells.measureChecked(ModelRow.all(), row -> new ModelPlatform(row.platform(), row, used), "the what-if");
        double seconds = (System.nanoTime() - start) / 1e9;
        Fidelity fidelity = ModelProvenance.fidelity(modelled(cells), baselines, used.all().stream().map(Parameter::source).toList(), Explanations.bundled());
        List<OutOfSample.Cell> outOfSample = outOfSample(cells, baselines);
        write(cells, fidelity, outOfSample);
        System.out.printf("modelled %d cells of %d platforms in %.2f s%s%n", cells.size(), ModelRow.all().size(), seconds,
                changes.isEmpty() ? "" : " with " + changes.size() + " what-if change(s)");
        for (Fidelity.Summary s : fidelity.summaries()) {
            System.out.printf("%s %-3s  cells %3d  calibration %2d  prediction %3d  median |error| %5.1f%%  p90 %6.1f%%%s%n",
                    s.paper().equals(org.asfast.report.OusterhoutTables.PAPER) ? "Table" : s.paper() + " table", s.table(), s.cells(), s.calibrations(), s.predictions(), 100 * s.median(), 100 * s.p90(),
                    s.goalTable() ? (s.meetsGoal() ? "  goal met" : "  GOAL MISSED") : "");
        }
        System.out.println("These are in-sample: the model's mechanisms were developed while watching Tables 2-10, so 'prediction' means only that"
                + " no parameter was read from, solved on or chosen on that cell.");
        List<Fidelity.Cell> missed = fidelity.calibrations().stream().filter(c -> Math.abs(c.error()) > 0.02).toList();
        System.out.println("calibration cells the model misses by more than 2%" + (missed.isEmpty() ? ": none" : ":"));
        missed.forEach(c -> System.out.printf("  table %-3s %-34s %-10s paper %-8s model %-8s %+.1f%%%n", c.table(), c.row(), c.column(),
                org.asfast.report.Numbers.readable(c.printed()), org.asfast.report.Numbers.readable(c.model()), 100 * c.error()));
        System.out.println("out of sample (other papers' cells on the same hardware; nothing fitted on them):");
        for (OutOfSample.Summary s : OutOfSample.summaries(outOfSample)) {
            System.out.printf("  %-14s cells %2d  median |error| %5.1f%%%n", s.paper(), s.cells(), 100 * s.median());
        }
        for (OutOfSample.Cell c : outOfSample) {
            System.out.printf("    %s %-5s %-40s %-20s paper %-6s model %-8s %+.1f%% (%s, %s)%n", c.mapping().paper(), c.mapping().table(), c.mapping().row(),
                    c.mapping().column(), org.asfast.report.Numbers.readable(c.printed()), org.asfast.report.Numbers.readable(c.model()), 100 * c.error(),
                    c.mapping().platform(), c.unit());
        }
        OutOfSample.unmappedPapers(baselines, OutOfSample.bundled()).forEach(p ->
                System.out.printf("  %-14s no cell mapped yet%n", p));
        if (!changes.isEmpty()) {
            printChanged(ModelCells.measureAll(ModelRow.all(), row -> new ModelPlatform(row.platform(), row, parameters)), cells);
        }
        System.out.println("wrote " + out.resolve("cells.csv") + ", " + out.resolve("fidelity.csv") + " and " + out.resolve("out-of-sample.csv"));
        return 0;
    }

    /** The cells a what-if moves by more than half a percent, beside their values without it. */
    private static void printChanged(List<ModelCells.Cell> base, List<ModelCells.Cell> whatIf) {
        System.out.println("cells the what-if changes by more than 0.5%:");
        int shown = 0;
        for (int i = 0; i < base.size(); i++) {
            ModelCells.Cell b = base.get(i);
            ModelCells.Cell w = whatIf.get(i);
            if (Math.abs(w.value() / b.value() - 1) > 0.005) {
                System.out.printf("  table %-2s %-28s %-12s %12.4g -> %-12.4g %s (%.3gx)%n", b.table(), b.row().platform(), b.column(), b.value(), w.value(), b.unit(), w.value() / b.value());
                shown++;
            }
        }
        if (shown == 0) {
            System.out.println("  none");
        }
    }

    private List<Parameter> changes() {
        List<Parameter> changes = new ArrayList<>();
        if (whatIf != null) {
            changes.addAll(ModelParameters.bundled().readWhatIf(whatIf));
        }
        for (String s : settings) {
            changes.add(ModelParameters.parseSetting(s));
        }
        return ModelParameters.bundled().check(changes);
    }

    /** The out-of-sample cells, from the modelled cells of the mapped platforms. */
    static List<OutOfSample.Cell> outOfSample(List<ModelCells.Cell> cells, Baselines baselines) {
        return OutOfSample.evaluate(OutOfSample.bundled(), baselines, m -> cells.stream()
                .filter(c -> c.row().platform().equals(m.platform()) && c.paper().equals(m.measurePaper())
                        && c.table().equals(m.measureTable()) && c.column().equals(m.measureColumn()))
                .findFirst().map(c -> new OutOfSample.Value(c.value(), c.unit())));
    }

    static List<Fidelity.Modelled> modelled(List<ModelCells.Cell> cells) {
        return cells.stream().map(c -> new Fidelity.Modelled(c.paper(), c.table(),
                new org.asfast.report.RowLabel(c.row().machine(), c.row().os(), c.tableConfig()), c.column(), c.unit(), c.value())).toList();
    }

    private void write(List<ModelCells.Cell> cells, Fidelity fidelity, List<OutOfSample.Cell> outOfSample) {
        AtomicFiles.write(out.resolve("cells.csv"), w -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("platform", "paper", "table", "machine", "os", "config", "column", "unit", "model").build().print(w)) {
                for (ModelCells.Cell c : cells) {
                    csv.printRecord(c.row().platform(), c.paper(), c.table(), c.row().machine(), c.row().os(), c.tableConfig(), c.column(), c.unit(), c.value());
                }
            }
        });
        fidelity.writeCsv(out.resolve("fidelity.csv"));
        OutOfSample.writeCsv(out.resolve("out-of-sample.csv"), outOfSample);
    }

    private int calibrate(ModelParameters parameters, Baselines baselines) {
        requireParameterFile(calibrate, parameters);
        long start = System.nanoTime();
        Map<String, String> values = new Calibrator(baselines).solve(parameters);
        rewrite(calibrate, values);
        System.out.printf("solved %d calibrated parameters in %.1f s; rewrote %s%n", values.size(), (System.nanoTime() - start) / 1e9, calibrate);
        values.forEach((k, v) -> System.out.println("  " + k + " = " + v));
        return 0;
    }

    /**
     * Refuses to rewrite a file that is not the model's parameter file: it must read as one (the
     * header subject,parameter,value,unit,source and complete rows) and hold every calibrated
     * parameter, as a calibration, that the calibrator solves.
     */
    static void requireParameterFile(Path file, ModelParameters shipped) {
        String fix = "; give the path of platforms/model/src/main/resources/org/asfast/model/parameters.csv";
        if (!Files.isRegularFile(file)) {
            throw new org.asfast.spi.UserError("no parameter file at " + file + fix);
        }
        List<Parameter> rows;
        try {
            rows = ModelParameters.readFile(file, "the parameter file");
        } catch (org.asfast.spi.UserError e) {
            throw new org.asfast.spi.UserError(file + " is not a model parameter file (" + e.getMessage().replaceAll(";.*", "") + ")" + fix);
        }
        for (Parameter p : shipped.all()) {
            if (p.isCalibration() && rows.stream().noneMatch(r -> r.isCalibration() && r.subject().equals(p.subject()) && r.name().equals(p.name()))) {
                throw new org.asfast.spi.UserError(file + " is not a model parameter file: it has no calibrated " + p.subject() + "/" + p.name() + fix);
            }
        }
    }

    /** Replaces the value column of the calibrated rows, keeping every other line as it is, and the file's permissions. */
    private static void rewrite(Path file, Map<String, String> values) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> result = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("#") || line.isBlank() || line.startsWith("subject,")) {
                    result.add(line);
                    continue;
                }
                CSVRecord r = CSVFormat.DEFAULT.parse(new java.io.StringReader(line)).getRecords().get(0);
                String value = values.get(r.get(0) + "/" + r.get(1));
                if (value == null) {
                    result.add(line);
                } else {
                    StringBuilder b = new StringBuilder();
                    CSVFormat.DEFAULT.builder().setRecordSeparator("").build().printRecord(b, r.get(0), r.get(1), value, r.get(3), r.get(4));
                    result.add(b.toString());
                }
            }
            AtomicFiles.rewrite(file, w -> w.write(String.join("\n", result) + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelPlatform open(String name) {
        return ModelProvider.open(name);
    }
}
