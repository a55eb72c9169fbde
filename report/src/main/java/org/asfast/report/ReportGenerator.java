package org.asfast.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.asfast.spi.FileTrees;
import org.asfast.spi.UserFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * Writes the report of one or more runs: every table as CSV, report.json, the charts as SVG and
 * PNG, and index.html, which shows the charts from charts/ by relative links (inline, the charts'
 * glyph outlines made the page 5 MB), so the folder opens from file:// or any static server. Everything
 * is drawn in memory, then written to a staging folder and swapped in whole, in one step an
 * interruption waits for, into the newest run's report/ folder and into results/latest/: a failure or
 * Ctrl-C leaves the previous report as it was and no staging folder.
 */
public final class ReportGenerator {
    public static final String SCHEMA = "asfast-report/1";
    public static final String LATEST = "latest";

    /**
     * How a report page is laid out.
     *
     * @param svgCharts write each chart as SVG (shown on the page) besides PNG; without, the page shows the PNG
     * @param cssHref a relative link to a shared style sheet, or null to inline it
     * @param siteHome a relative link to the published site's index, or null outside a site
     * @param compactJson write report.json without indentation
     */
    record Layout(boolean svgCharts, String cssHref, String siteHome, boolean compactJson) {
        static final Layout RESULTS = new Layout(true, null, null, false);
    }

    private final Path results;
    private final List<Run> runs;
    private final Baselines baselines;
    private List<String> tables = OusterhoutReport.TABLES;

    private ReportGenerator(Path results, List<Run> runs, Baselines baselines) {
        this.results = results;
        this.runs = List.copyOf(runs);
        this.baselines = baselines;
    }

    public static ReportGenerator forRuns(Path results, List<Run> runs, Baselines baselines) {
        if (runs.isEmpty()) {
            throw new org.asfast.spi.UserError("no runs to report on; run ./asfast verify first or pass --run");
        }
        return new ReportGenerator(results, runs, baselines);
    }

    /** Restricts the Ousterhout tables shown; an unknown table is a {@link org.asfast.spi.UserError}. */
    public ReportGenerator onlyTables(List<String> names) {
        for (String name : names) {
            if (!OusterhoutReport.TABLES.contains(name)) {
                throw new org.asfast.spi.UserError("unknown table '" + name + "'; Ousterhout tables are " + String.join(", ", OusterhoutReport.TABLES));
            }
        }
        tables = List.copyOf(names);
        return this;
    }

    /** Writes everything and returns the report folder of the newest run. */
    public Path writeAll() {
        Path runDir = runs.getLast().dir();
        requireRoom(runDir);
        requireRoom(results);
        Rendered rendered = render();
        Path report = rendered.writeInto(runDir);
        rendered.publishLatest();
        return report;
    }

    /**
     * Refuses, before any work, a folder the report cannot be written to: unwritable (a read-only
     * mount, a file where a folder should be) or with less room than a report takes.
     */
    public static void requireRoom(Path dir) {
        AtomicFiles.requireWritable(dir, ROOM, "the report");
    }

    /** Room for a report beside its staged copy and results/latest: a report is a few MB. */
    private static final long ROOM = 32L << 20;

    /**
     * Draws the report for results/ in memory (the slow part: charts and PNGs); nothing is on disk
     * until {@link Rendered#writeInto}, so Ctrl-C meanwhile leaves nothing behind.
     */
    public Rendered render() {
        return render(Layout.RESULTS);
    }

    /** Writes the report into {@code dir}, which exists and is empty. */
    void render(Path dir, Layout layout) throws IOException {
        render(layout).writeTo(dir);
    }

    private Rendered render(Layout layout) {
        Rendered files = new Rendered();
        OusterhoutReport ousterhout = new OusterhoutReport(baselines, runs);
        List<TableView> views = new ArrayList<>();
        for (String table : tables) {
            views.add(ousterhout.table(table));
        }
        List<FigurePoint> figure = ousterhout.figure1Points();
        var figureChart = ousterhout.figure1Chart(figure);
        Run last = runs.getLast();
        List<TableView> others = new ArrayList<>(OtherPapers.views(baselines, ousterhout.erratumByCell(), SimulatedCells.read(last.dir()),
                LiveRows.of(last, ousterhout.allMeasurements(last))));
        TableView floor = LiveRows.floorView(last);
        if (floor != null) {
            others.add(floor);
        }
        List<Comparison> comparisons = Comparison.of(ousterhout.measurements());
        List<BaselineVerifier.Check> errata = ousterhout.errata();
        ModelSection modelSection = ModelSection.of(ousterhout.measurements(), baselines);

        for (TableView view : views) {
            files.put("tables", view.id() + ".csv", out -> writeCsv(out, view));
        }
        for (TableView view : others) {
            files.put("tables", view.id() + ".csv", out -> writeCsv(out, view));
        }
        for (TableView view : views) {
            if (view.chart() != null) {
                files.chart(view.chart(), ousterhout.charts().get(view.table()), layout.svgCharts());
            }
        }
        if (modelSection != null) {
            files.put("tables", "model-fidelity.csv", modelSection.fidelity()::writeCsv);
            files.put("tables", "model-out-of-sample.csv", out -> OutOfSample.writeCsv(out, modelSection.outOfSample()));
        }
        files.chart("figure1", figureChart, layout.svgCharts());
        List<RmemFileService.Row> scaling = RmemFileService.read(last.dir());
        if (!scaling.isEmpty()) {
            files.chart("rmem-scaling", RmemFileService.chart(scaling), layout.svgCharts());
        }
        List<XfsScaling.Row> xfsScaling = XfsScaling.read(last.dir());
        if (!xfsScaling.isEmpty()) {
            files.chart(XfsScaling.LATENCY_CHART, XfsScaling.latencyChart(xfsScaling).chart(), layout.svgCharts());
            files.chart(XfsScaling.LOAD_CHART, XfsScaling.loadChart(xfsScaling).chart(), layout.svgCharts());
        }
        for (String file : List.of(RmemFileService.FILE, RmemFileService.FIGURES_FILE, XfsScaling.FILE, FaultPromises.FILE)) {
            if (Files.isRegularFile(last.dir().resolve(file))) {
                files.put("tables", file, out -> out.write(Files.readString(last.dir().resolve(file))));
            }
        }

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("schema", SCHEMA);
        model.put("generatedAt", Instant.now().toString());
        model.put("runs", runs.stream().map(ReportGenerator::runSummary).toList());
        model.put("tables", views);
        model.put("figure1", figure);
        model.put("otherPapers", others);
        model.put("rmemScaling", scaling);
        List<RmemFileService.FigureRow> rmemFigures = RmemFileService.readFigures(last.dir());
        model.put("rmemFigures", rmemFigures);
        RmemFileService.LoadRatios loadRatios = RmemFileService.loadRatios(rmemFigures);
        if (loadRatios != null) {
            model.put("rmemLoadRatios", loadRatios);
        }
        model.put("xfsScaling", xfsScaling);
        model.put("faultPromises", FaultPromises.read(last.dir()));
        model.put("comparisons", comparisons);
        model.put("errata", errata.stream().map(ReportGenerator::erratum).toList());
        model.put("model", modelSection == null ? null : modelSection.view());
        model.put("jvmCost", ousterhout.jvmCosts());
        model.put("settlingLegend", Settling.legend());

        // NaN (an empty cell) is written as the string "NaN", Jackson's default.
        ObjectMapper json = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, !layout.compactJson());
        Map<String, Object> jsonModel = new LinkedHashMap<>(model);
        files.put("", "report.json", out -> json.writeValue(out, jsonModel));

        model.put("chartFormat", layout.svgCharts() ? "svg" : "png");
        model.put("chartDownloads", layout.svgCharts() ? List.of("svg", "png") : List.of("png"));
        model.put("cssHref", layout.cssHref());
        model.put("siteHome", layout.siteHome());
        try {
            model.put("css", layout.cssHref() == null ? template("report.css") : "");
            String html = html("index.ftlh", model);
            files.put("", "index.html", out -> out.write(html));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report template", e);
        }
        return files;
    }

    /**
     * A report drawn in memory: file name (under tables/, charts/ or the top) to content. Written as
     * a whole or not at all: into a staging folder named with this process's id, then swapped in, in
     * one {@link Uninterrupted} step.
     */
    public final class Rendered {
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private volatile boolean publishedLatest;

        private Rendered() {
        }

        private void put(String folder, String name, AtomicFiles.Content content) {
            java.io.StringWriter text = new java.io.StringWriter();
            try {
                content.writeTo(text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot draw " + name, e);
            }
            putBytes(folder, name, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        private void putBytes(String folder, String name, byte[] bytes) {
            // Every name from data (a paper's name in baselines/index.csv) stays in its folder.
            UserFiles.child(Path.of("."), name, "report file name");
            files.put(folder.isEmpty() ? name : folder + "/" + name, bytes);
        }

        /** A chart as PNG, and as SVG when asked. */
        private void chart(String stem, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, boolean svg) {
            if (svg) {
                String drawn = Charts.svg(chart);
                put("charts", stem + ".svg", out -> out.write(drawn));
            }
            putBytes("charts", stem + ".png", Charts.png(chart));
        }

        /** Writes the files into {@code dir}, which exists and is empty, readable by all. */
        void writeTo(Path dir) throws IOException {
            for (String sub : List.of("tables", "charts")) {
                Files.createDirectories(dir.resolve(sub));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(dir.resolve(file.getKey()), file.getValue());
                AtomicFiles.readableByAll(dir.resolve(file.getKey()));
            }
            for (Path folder : List.of(dir, dir.resolve("tables"), dir.resolve("charts"))) {
                AtomicFiles.readableByAll(folder);
            }
        }

        /** Writes the report into {@code runDir}/report, replacing any earlier one whole; returns that folder. */
        public Path writeInto(Path runDir) {
            FileTrees.deleteLeftovers(runDir, LEFTOVERS);
            return publish(runDir, "report", () -> {
            });
        }

        /** Makes this report results/latest. */
        public void publishLatest() {
            FileTrees.deleteLeftovers(results, LEFTOVERS);
            publish(results, LATEST, () -> publishedLatest = true);
        }

        /** Whether {@link #publishLatest} swapped this report in: set in the same uninterrupted step, so a stop reads it right. */
        public boolean publishedLatest() {
            return publishedLatest;
        }

        private Path publish(Path parent, String name, Runnable swapped) {
            Path target = parent.resolve(name);
            try {
                return Uninterrupted.run(() -> {
                    Path staging = Files.createTempDirectory(parent, "." + name + "-" + FileTrees.ownerId() + "-");
                    try {
                        writeTo(staging);
                        swapIn(staging, target);
                        staging = null;
                        swapped.run();
                        return target;
                    } finally {
                        deleteQuietly(staging);
                    }
                });
            } catch (IOException e) {
                throw AtomicFiles.cannotWrite(target, e);
            }
        }
    }

    /** Staging and set-aside folders of this class, named with the id of the process that made them. */
    private static final java.util.regex.Pattern LEFTOVERS = java.util.regex.Pattern.compile("\\.(report|latest)(\\.old)?-(?<pid>\\d+)-.*");

    static Map<String, Object> runSummary(Run run) {
        var env = run.environment();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", run.id());
        summary.put("profile", env.path("profile").asText());
        summary.put("startedAt", env.path("startedAt").asText());
        summary.put("cpu", env.path("host").path("cpuModel").asText() + ", " + env.path("host").path("cpus").asText() + " CPUs");
        List<String> caches = new ArrayList<>();
        env.path("host").path("caches").forEach(c -> caches.add("L" + c.path("level").asText() + " " + c.path("type").asText() + " "
                + (c.path("bytes").asLong() >> 10) + " KB (" + (c.path("source").asText().equals("cpuid")
                        ? "as the processor reports it: the kernel lists no caches, nor which CPUs share one)"
                        : "shared by CPUs " + c.path("sharedWith").asText() + ")")));
        summary.put("caches", String.join("; ", caches));
        summary.put("kernel", env.path("host").path("kernel").asText() + " " + env.path("host").path("kernelVersion").asText());
        List<String> mitigations = new ArrayList<>();
        env.path("host").path("mitigations").properties().forEach(e -> mitigations.add(e.getKey() + ": " + e.getValue().asText()));
        summary.put("mitigations", mitigations);
        summary.put("memory", env.path("host").path("memoryTotal").asText());
        summary.put("cpuIdle", cpuIdle(env.path("host")));
        summary.put("jdk", env.path("host").path("jdk").asText());
        var target = env.path("target");
        summary.put("fileSystem", target.path("fileSystem").asText() + " at " + target.path("mountPoint").asText() + " ("
                + target.path("mountOptions").asText() + "), target " + target.path("path").asText() + ", configuration " + target.path("config").asText());
        summary.put("mips", Numbers.readable(run.hostMips()));
        summary.put("mipsMethod", env.path("hostMips").path("method").asText());
        summary.put("mipsSpread", mipsSpread(env.path("hostMips")));
        summary.put("mipsC", mipsC(env.path("hostMips")));
        summary.put("git", env.path("git").path("commit").asText() + (env.path("git").path("dirty").asBoolean(false) ? " (with uncommitted changes)" : ""));
        summary.put("jmh", env.path("jmhVersion").asText());
        return summary;
    }

    /**
     * How an idle CPU waits, which sets the cross-CPU round trip's wake-ups: the cpuidle driver, whether the CPU runs under
     * a hypervisor, and how long the haltpoll governor polls before it halts; "" for a run from before the entry or a
     * kernel without cpuidle.
     */
    static String cpuIdle(JsonNode host) {
        JsonNode idle = host.path("cpuIdle");
        String driver = idle.path("driver").asText("");
        if (driver.isEmpty() || driver.startsWith("unknown (")) {
            return "";
        }
        boolean underHypervisor = host.path("hypervisor").asBoolean(false);
        String text = "cpuidle driver " + driver + " (governor " + idle.path("governor").asText() + ")" + (underHypervisor ? ", under a hypervisor" : "");
        JsonNode pollNs = idle.path("haltpoll").path("guest_halt_poll_ns");
        if (!pollNs.isMissingNode()) {
            text += !pollNs.asText().equals("0") ? "; an idle CPU polls up to " + pollNs.asText() + " ns before it halts (guest_halt_poll_ns)"
                    : "; an idle CPU halts at once (guest_halt_poll_ns 0)" + (underHypervisor ? ", so a thread woken on it waits for the host to run it again" : "");
        }
        return text + ".";
    }

    /** How the rating's trials spread, or "" when the rating was given (or the run is older). */
    static String mipsSpread(JsonNode rating) {
        JsonNode trials = rating.path("trials");
        if (!trials.has("best")) {
            return "";
        }
        double best = trials.path("best").asDouble();
        double median = trials.path("median").asDouble();
        return String.format(Locale.ROOT, "Spread: best of %d trials; median %s (%.1f%% below the best), slowest %s VAX MIPS.",
                trials.path("count").asInt(), Numbers.readable(median), 100 * (1 - median / best), Numbers.readable(trials.path("min").asDouble()));
    }

    /** The C Dhrystone measured beside the rating and the Java/C ratio, or why it is missing; "" for older runs. */
    static String mipsC(JsonNode rating) {
        JsonNode c = rating.path("c");
        if (c.hasNonNull("missing")) {
            return "C Dhrystone: missing (" + c.path("missing").asText() + ").";
        }
        if (!c.has("mips")) {
            return "";
        }
        JsonNode trials = c.path("trials");
        return String.format(Locale.ROOT, "C Dhrystone (%s, %s %s) in the same run: %s VAX MIPS, best of %d trials (median %s); Java/C = %.2f.",
                c.path("program").asText(), c.path("compiler").asText(), c.path("flags").asText(), Numbers.readable(c.path("mips").asDouble()),
                trials.path("count").asInt(), Numbers.readable(trials.path("median").asDouble()), c.path("javaOverC").asDouble());
    }

    private static Map<String, Object> erratum(BaselineVerifier.Check c) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("paper", c.printed().paper());
        e.put("table", c.printed().table());
        e.put("row", c.printed().row().toString());
        e.put("column", c.printed().column());
        e.put("printed", c.printed().text());
        e.put("recomputed", c.recomputedText());
        e.put("formula", c.formula());
        return e;
    }

    /**
     * A table as the page shows it, a row per line. Where a table has simulated or live cells that are calibration,
     * prediction or have no paper value (the page's c, o and u marks), a last column, {@code roles}, names each such
     * cell's role by its column, so that the CSV alone tells a calibrated cell from a predicted one.
     */
    static void writeCsv(java.io.Writer out, TableView view) throws IOException {
        List<String> header = new ArrayList<>(List.of("row", "kind", "source"));
        header.addAll(view.columns());
        boolean roles = view.rows().stream().flatMap(r -> r.cells().stream()).anyMatch(c -> !role(c).isEmpty());
        if (roles) {
            header.add("roles");
        }
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').build())) {
            for (TableView.Row row : view.rows()) {
                List<String> record = new ArrayList<>(List.of(row.label(), row.kind(), row.source()));
                // a number as a plain number; a cell that is text (a unit, where it was measured, "n/a") as its text
                row.cells().forEach(c -> record.add(Double.isNaN(c.value()) ? c.text() : Numbers.plain(c.value())));
                if (roles) {
                    List<String> named = new ArrayList<>();
                    for (int i = 0; i < row.cells().size(); i++) {
                        String role = role(row.cells().get(i));
                        if (!role.isEmpty()) {
                            named.add(view.columns().get(i) + ": " + role);
                        }
                    }
                    record.add(String.join("; ", named));
                }
                csv.printRecord(record);
            }
        }
    }

    /** A simulated or live cell's role by its classes: calibration, prediction (out-of-sample), no paper value, derived; empty for others. */
    static String role(TableView.Cell cell) {
        List<String> classes = List.of(cell.css().split(" "));
        if (classes.contains("na")) { // a live cell with no value (n/a, or full profile only): nothing to call a prediction
            return "";
        }
        if (classes.contains("calibration")) {
            return "calibration";
        }
        if (classes.contains("unchecked")) {
            return "prediction, no paper value";
        }
        if (classes.contains("out-of-sample")) {
            return "prediction (out-of-sample)";
        }
        if (classes.contains("prediction")) {
            return "prediction";
        }
        return classes.contains("simulated") && classes.contains("derived") ? "derived from other cells, not counted" : "";
    }

    /** Writes a chart as PNG, and as SVG when asked. */
    static void writeChart(Path dir, String stem, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, boolean svg) {
        if (svg) {
            String drawn = Charts.svg(chart);
            AtomicFiles.write(dir.resolve(stem + ".svg"), out -> out.write(drawn));
        }
        byte[] png = Charts.png(chart);
        AtomicFiles.writeBytes(dir.resolve(stem + ".png"), out -> out.write(png));
    }

    /** Renders one of report-templates/ with FreeMarker. */
    static String html(String templateName, Map<String, Object> model) throws IOException {
        Configuration config = new Configuration(Configuration.VERSION_2_3_33);
        config.setClassForTemplateLoading(ReportGenerator.class, "/report-templates");
        config.setDefaultEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setNumberFormat("computer");
        Template template = config.getTemplate(templateName);
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("the report template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    static String template(String name) throws IOException {
        try (var in = ReportGenerator.class.getResourceAsStream("/report-templates/" + name)) {
            if (in == null) {
                throw new IOException("missing template " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Replaces {@code target} with {@code staged}: the old folder is moved aside first and deleted last. */
    static void swapIn(Path staged, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + FileTrees.ownerId() + "-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        deleteQuietly(old);
    }

    /** Best effort: a leftover staging folder must not hide the error that left it. */
    static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try {
            FileTrees.delete(root);
        } catch (RuntimeException e) {
            System.err.println("asfast: could not remove " + root + ": " + e.getMessage());
        }
    }
}
