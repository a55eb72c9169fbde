package org.asfast.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any number of runs side by side in each paper table, for the published site's comparison page.
 * The first run is the baseline: every other run's cell gets its ratio to the baseline's cell and
 * a verdict from the two 99.9% confidence intervals ({@link Comparison#verdict}). Each run also
 * gets two geometric means: Figure 1's (its MIPS-relative speeds, from its own MIPS rating) and its
 * speed relative to the baseline over the cells both measured (1.0 for the baseline).
 */
public record RunComparison(List<Column> runs, List<Block> tables, List<Mean> means) {

    /** A run's column: id, machine, file system and host MIPS, so the reader sees where each column was measured. */
    public record Column(String id, String machine, String fileSystem, String mips) {
    }

    /** One paper table's measured cells. */
    public record Block(String id, String paper, String table, String caption, List<Row> rows) {
    }

    /** One cell of the paper's table (row variant and column), in every run. */
    public record Row(String row, String column, String unit, List<Cell> cells) {
    }

    /**
     * One run's value of a row: text with ± half the interval, the ratio to the baseline's value, and
     * the verdict: "baseline", "beyond error", "within error", "no interval" or "not measured".
     */
    public record Cell(String text, String ratio, String verdict, String title) {
        public String css() {
            return verdict.replace(' ', '-');
        }
    }

    /**
     * @param figure1 the geometric mean of the run's MIPS-relative speeds (Figure 1's y), NaN if it has none
     * @param figure1Numbers how many numbers that mean is of
     * @param relativeSpeed the geometric mean of its speed over the baseline's (time: baseline/run; bandwidth: run/baseline)
     * @param relativeCells how many cells that mean is of
     */
    public record Mean(String run, double mips, double figure1, int figure1Numbers, double relativeSpeed, int relativeCells) {
        public String figure1Text() {
            return Numbers.readable(figure1);
        }

        public String relativeText() {
            return Numbers.readable(relativeSpeed);
        }
    }

    private record Key(String paper, String table, String machine, String variant, String column) {
    }

    /** Compares the runs that measured something (a run of the model alone has nothing to compare); the first is the baseline. */
    static RunComparison of(Map<Run, List<Measurement>> measurements, Baselines baselines) {
        List<Run> runs = measurements.keySet().stream()
                .filter(r -> measurements.get(r).stream().anyMatch(RunComparison::wallClock)).toList();
        if (runs.isEmpty()) {
            return new RunComparison(List.of(), List.of(), List.of());
        }
        // Every measured cell of any run, keyed without the OS and file system: those are what differ between runs.
        Map<Key, Map<Run, Measurement>> cells = new LinkedHashMap<>();
        for (Run run : runs) {
            for (Measurement m : measurements.get(run)) {
                if (wallClock(m)) {
                    cells.computeIfAbsent(keyOf(m), k -> new LinkedHashMap<>()).putIfAbsent(run, m);
                }
            }
        }
        Run baseline = runs.getFirst();
        Map<String, List<Row>> byTable = new LinkedHashMap<>();
        Map<Run, List<Double>> speeds = new LinkedHashMap<>();
        runs.forEach(r -> speeds.put(r, new ArrayList<>()));
        cells.keySet().stream().sorted(Comparator.comparing(Key::paper).thenComparing(Key::table, TableIds.ORDER))
                .forEach(key -> {
                    Map<Run, Measurement> byRun = cells.get(key);
                    Measurement base = byRun.get(baseline);
                    List<Cell> shown = new ArrayList<>();
                    for (Run run : runs) {
                        Measurement m = byRun.get(run);
                        shown.add(cell(run == baseline, base, m, run));
                        Double speed = m == null || base == null ? null : speedOverBaseline(base, m);
                        if (speed != null) {
                            speeds.get(run).add(speed);
                        }
                    }
                    Measurement any = byRun.values().iterator().next();
                    String row = key.machine() + (key.variant().isEmpty() ? "" : ", " + key.variant());
                    byTable.computeIfAbsent(key.paper() + "\u0000" + key.table(), t -> new ArrayList<>())
                            .add(new Row(row, key.column(), OusterhoutReport.unitText(any.unit()), shown));
                });
        List<Block> blocks = new ArrayList<>();
        byTable.forEach((paperAndTable, rows) -> {
            String[] parts = paperAndTable.split("\u0000");
            blocks.add(new Block("compare-" + parts[0] + "-" + parts[1].replaceAll("[^A-Za-z0-9]+", "-"), parts[0], parts[1],
                    caption(baselines, parts[0], parts[1]), rows));
        });
        List<Mean> means = new ArrayList<>();
        for (Run run : runs) {
            List<Double> mipsRelative = measurements.get(run).stream()
                    .filter(m -> m.row().machine().equals("host") && m.column().startsWith(OusterhoutTables.MIPS_RELATIVE) && !m.row().config().contains(","))
                    .map(Measurement::value).toList();
            means.add(new Mean(run.id(), run.hostMips(), MipsRelative.geometricMean(mipsRelative), mipsRelative.size(),
                    MipsRelative.geometricMean(speeds.get(run)), speeds.get(run).size()));
        }
        List<Column> columns = runs.stream().map(r -> new Column(r.id(), r.environment().path("host").path("hostname").asText("?"),
                r.environment().path("target").path("fileSystem").asText("?"), Numbers.readable(r.hostMips()))).toList();
        return new RunComparison(columns, blocks, means);
    }

    /** Cells timed on a real clock (this computer, or a live system on it), with JMH's intervals; virtual time is the same in every run. */
    private static boolean wallClock(Measurement m) {
        return m.origin().equals("measured") || m.origin().equals("live");
    }

    /** Runs on different machines or file systems differ in the OS and configuration; the variant (e.g. cross-CPU) must match. */
    private static Key keyOf(Measurement m) {
        int comma = m.row().config().indexOf(',');
        String variant = comma < 0 ? "" : m.row().config().substring(comma + 1).trim();
        return new Key(m.paper(), m.table(), m.row().machine(), variant, m.column());
    }

    private static Cell cell(boolean isBaseline, Measurement base, Measurement m, Run run) {
        if (m == null) {
            return new Cell("", "", "not measured", "run " + run.id() + " did not measure this cell");
        }
        String text = Numbers.readable(m.value()) + m.intervalText();
        String title = "run " + run.id() + ": " + m.benchmark()
                + (m.hasInterval() ? "; 99.9% CI [" + Numbers.readable(m.low()) + ", " + Numbers.readable(m.high()) + "]" : "");
        if (isBaseline) {
            return new Cell(text, "1", "baseline", title);
        }
        if (base == null) {
            return new Cell(text, "", "no baseline", title + "; the baseline run did not measure this cell");
        }
        return new Cell(text, Numbers.readable(m.value() / base.value()), Comparison.verdict(base, m), title);
    }

    private static final Set<String> TIME_UNITS = Set.of("ns", "us", "ms", "s");

    /** How many times faster the run is than the baseline on this cell, or null for a unit that is neither a time nor a rate. */
    static Double speedOverBaseline(Measurement base, Measurement m) {
        if (!(base.value() > 0) || !(m.value() > 0)) {
            return null;
        }
        if (TIME_UNITS.contains(m.unit())) {
            return base.value() / m.value();
        }
        if (m.unit().endsWith("/s")) {
            return m.value() / base.value();
        }
        return null;
    }

    private static String caption(Baselines baselines, String paper, String table) {
        try {
            return "Table " + table + ". " + baselines.table(paper, table).title();
        } catch (RuntimeException noSuchTable) {
            return paper + " " + table;
        }
    }
}
