package org.asfast.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's model sections, from the newest run that has modelled rows: fidelity (every modelled
 * cell against the paper, per-table median and 90th percentile over predictions, the worst cells with
 * their explanations), the what-if rows beside their base rows, and the parameters with their sources.
 */
public final class ModelSection {
    /** One fidelity row for the page. */
    public record FidelityRow(String paper, String table, String row, String column, String unit, String printed, String model, String error, String tag, String explanation) {
    }

    /** One table's summary for the page. */
    public record SummaryRow(String paper, String table, int cells, int calibrations, int predictions, String median, String p90, String goal, boolean withinBudget) {
    }

    /** One out-of-sample cell for the page: another paper's cell and the model's prediction of it. */
    public record OutOfSampleRow(String paper, String table, String row, String column, String unit, String printed, String model, String error,
                                 String predictedBy, String reason) {
    }

    /** One paper's out-of-sample summary for the page. */
    public record OutOfSampleSummary(String paper, int cells, String median) {
    }

    /** One what-if cell beside its base. */
    public record WhatIfRow(String scenario, String paper, String table, String row, String column, String unit, String base, String whatIf, String ratio) {
    }

    /** One parameter for the page. */
    public record ParameterRow(String subject, String parameter, String value, String unit, String kind, String source) {
    }

    /** One what-if scenario: its changes. */
    public record Scenario(String name, List<ParameterRow> changes) {
    }

    private final String runId;
    private final Fidelity fidelity;
    private final List<WhatIfRow> whatIf;
    private final List<Scenario> scenarios;
    private final List<ParameterRow> parameters;
    private final List<OutOfSample.Cell> outOfSample;
    private final List<String> unmapped;

    private ModelSection(String runId, Fidelity fidelity, List<OutOfSample.Cell> outOfSample, List<String> unmapped, List<WhatIfRow> whatIf,
                         List<Scenario> scenarios, List<ParameterRow> parameters) {
        this.runId = runId;
        this.fidelity = fidelity;
        this.outOfSample = outOfSample;
        this.unmapped = unmapped;
        this.whatIf = whatIf;
        this.scenarios = scenarios;
        this.parameters = parameters;
    }

    /** The section for the newest run with modelled rows, or null if no run has any. */
    static ModelSection of(Map<Run, List<Measurement>> measurements, Baselines baselines) {
        Map.Entry<Run, List<Measurement>> newest = null;
        for (Map.Entry<Run, List<Measurement>> e : measurements.entrySet()) {
            if (e.getKey().environment().path("model").path("platforms").size() > 0) {
                newest = e;
            }
        }
        if (newest == null) {
            return null;
        }
        JsonNode model = newest.getKey().environment().path("model");
        List<Fidelity.Modelled> modelled = new ArrayList<>();
        for (Measurement m : newest.getValue()) {
            if (m.origin().equals("modelled") && Run.scenarioOf(m.row()).isEmpty()) {
                modelled.add(new Fidelity.Modelled(m.paper(), m.table(), m.row(), m.column(), m.unit(), m.value()));
            }
        }
        List<String> sources = new ArrayList<>();
        List<ParameterRow> parameters = new ArrayList<>();
        model.path("parameters").forEach(p -> {
            sources.add(p.path("source").asText());
            parameters.add(parameter(p));
        });
        Map<String, String> explanations = new LinkedHashMap<>();
        model.path("explanations").fields().forEachRemaining(e -> explanations.put(withPaper(e.getKey()), e.getValue().asText()));
        Fidelity fidelity = ModelProvenance.fidelity(modelled, baselines, sources, explanations);
        List<Scenario> scenarios = new ArrayList<>();
        model.path("scenarios").fields().forEachRemaining(e -> {
            List<ParameterRow> changes = new ArrayList<>();
            e.getValue().forEach(p -> changes.add(parameter(p)));
            scenarios.add(new Scenario(e.getKey(), changes));
        });
        List<OutOfSample.Mapping> mappings = OutOfSample.bundled();
        Run run = newest.getKey();
        List<Measurement> runCells = newest.getValue();
        List<OutOfSample.Cell> outOfSample = OutOfSample.evaluate(mappings, baselines, m -> modelValue(run, runCells, m));
        return new ModelSection(newest.getKey().id(), fidelity, outOfSample, OutOfSample.unmappedPapers(baselines, mappings),
                whatIfRows(newest.getValue()), scenarios, parameters);
    }

    /** The run's value of a mapping's measure on its platform (the row that platform fills, as its table labels it). */
    private static java.util.Optional<OutOfSample.Value> modelValue(Run run, List<Measurement> cells, OutOfSample.Mapping m) {
        RowLabel row = RunDerivation.modelRow(m.measurePaper(), m.measureTable(), run.row("", m.platform()));
        return cells.stream().filter(c -> !c.origin().equals("measured") && c.paper().equals(m.measurePaper()) && c.table().equals(m.measureTable())
                        && c.column().equals(m.measureColumn()) && c.row().equals(row))
                .findFirst().map(c -> new OutOfSample.Value(c.value(), c.unit()));
    }

    /** An explanation's cell key; runs before keys named the paper were all Ousterhout's ({@code table|machine|os|config|column}). */
    static String withPaper(String key) {
        return key.split("\\|", -1).length == 5 ? OusterhoutTables.PAPER + "|" + key : key;
    }

    /** A what-if cell counts as changed when it moves by more than this fraction. */
    static final double CHANGED = 0.005;

    /** Every what-if cell that the change moves, beside the same cell of the row it changes. */
    private static List<WhatIfRow> whatIfRows(List<Measurement> cells) {
        List<WhatIfRow> rows = new ArrayList<>();
        for (Measurement m : cells) {
            String scenario = Run.scenarioOf(m.row());
            if (scenario.isEmpty() || !(m.origin().equals("modelled") || m.column().equals("Total"))) {
                continue;
            }
            RowLabel baseRow = Run.withoutScenario(m.row());
            cells.stream().filter(b -> b.paper().equals(m.paper()) && b.table().equals(m.table()) && b.column().equals(m.column()) && b.row().equals(baseRow)).findFirst()
                    .filter(base -> Math.abs(m.value() / base.value() - 1) > CHANGED)
                    .ifPresent(base -> rows.add(new WhatIfRow(scenario, m.paper(), m.table(), baseRow.toString(), m.column(), OusterhoutReport.unitText(m.unit()),
                            Numbers.readable(base.value()), Numbers.readable(m.value()), String.format("%.3g×", m.value() / base.value()))));
        }
        return rows;
    }

    private static ParameterRow parameter(JsonNode p) {
        String source = p.path("source").asText();
        String kind = source.contains(":") ? source.substring(0, source.indexOf(':')) : source;
        return new ParameterRow(p.path("subject").asText(), p.path("parameter").asText(), p.path("value").asText(), p.path("unit").asText(), kind, source);
    }

    /** The FreeMarker and JSON view of the section. */
    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("run", runId);
        List<SummaryRow> summaries = new ArrayList<>();
        int calibrations = 0;
        int predictions = 0;
        for (Fidelity.Summary s : fidelity.summaries()) {
            calibrations += s.calibrations();
            predictions += s.predictions();
            summaries.add(new SummaryRow(s.paper(), s.table(), s.cells(), s.calibrations(), s.predictions(), percent(s.median()), percent(s.p90()),
                    !s.goalTable() ? "" : s.meetsGoal() ? "met (≤ 15%)" : "missed (goal ≤ 15%)", s.withinBudget()));
        }
        v.put("summaries", summaries);
        v.put("calibrationCells", calibrations);
        v.put("predictionCells", predictions);
        v.put("calibrationParameters", parameters.stream().filter(p -> p.kind().equals("calibration")).count());
        v.put("worst", fidelity.worst(5).stream().map(ModelSection::row).toList());
        v.put("farOff", fidelity.farOff().stream().map(ModelSection::row).toList());
        v.put("unexplained", fidelity.farOff().stream().filter(c -> c.explanation() == null).count());
        v.put("cells", fidelity.cells().stream().map(ModelSection::row).toList());
        v.put("calibrations", fidelity.calibrations().stream().map(ModelSection::row).toList());
        v.put("outOfSample", outOfSample.stream().map(c -> new OutOfSampleRow(c.mapping().paper(), c.mapping().table(), c.mapping().row().toString(),
                c.mapping().column(), OusterhoutReport.unitText(c.unit()), Numbers.readable(c.printed()), Numbers.readable(c.model()),
                String.format("%+.1f%%", 100 * c.error()), c.mapping().platform() + ": " + c.mapping().measurePaper() + " table " + c.mapping().measureTable()
                        + ", " + c.mapping().measureColumn(), c.mapping().reason())).toList());
        v.put("outOfSampleSummaries", OutOfSample.summaries(outOfSample).stream()
                .map(s -> new OutOfSampleSummary(OtherPapers.PAPER_NAMES.getOrDefault(s.paper(), s.paper()), s.cells(), percent(s.median()))).toList());
        v.put("outOfSampleUnmapped", unmapped.stream().map(p -> OtherPapers.PAPER_NAMES.getOrDefault(p, p)).toList());
        v.put("whatIf", whatIf);
        v.put("scenarios", scenarios);
        v.put("parameters", parameters);
        return v;
    }

    Fidelity fidelity() {
        return fidelity;
    }

    List<OutOfSample.Cell> outOfSample() {
        return outOfSample;
    }

    private static FidelityRow row(Fidelity.Cell c) {
        return new FidelityRow(c.paper(), c.table(), c.row().toString(), c.column(), OusterhoutReport.unitText(c.unit()), Numbers.readable(c.printed()),
                Numbers.readable(c.model()), String.format("%+.1f%%", 100 * c.error()), c.tag(), c.explanation() == null ? "" : c.explanation());
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format("%.1f%%", 100 * fraction);
    }
}
