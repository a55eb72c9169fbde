package org.asfast.report;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.asfast.spi.UserError;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A static site of several runs: an index of the runs, each run's report, and a page with every
 * run side by side in each paper table. Only relative links and files of its own, so it opens from
 * file:// and from any static web server. Charts are PNG files (their SVG, with every glyph as an
 * outline, is ten times larger) and the style sheet is shared.
 *
 * <pre>
 * index.html          the runs
 * compare.html        the runs side by side, with ratios, verdicts and geometric means
 * assets/report.css   one style sheet for every page
 * charts/             the comparison page's charts
 * runs/&lt;id&gt;/         each run's report (index.html, report.json, tables/, charts/)
 * site.json           schema asfast-site/1: which runs, when; marks the folder as a site that may be replaced
 * </pre>
 *
 * The site is built in a hidden folder beside the destination and swapped in whole, so bad input
 * or a failure leaves the destination as it was.
 */
public final class Site {
    public static final String SCHEMA = "asfast-site/1";
    static final String MARKER = "site.json";
    private static final String CSS = "assets/report.css";

    private Site() {
    }

    /** Checks the runs and the destination, writes the site and returns the path of its index.html. */
    public static Path publish(List<Run> runs, Baselines baselines, Path destination) {
        if (runs.isEmpty()) {
            throw new UserError("no runs to publish; run ./asfast verify or ./asfast import one first");
        }
        runs.forEach(run -> RunArchive.requireSafeId(run.id(), run.dir().resolve(Run.ENVIRONMENT_FILE))); // ids become folder names
        RunArchive.requireDistinctIds(runs);
        Path dir = destination.toAbsolutePath().normalize();
        checkDestination(dir);
        Path staging;
        try {
            staging = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".publish-");
        } catch (FileSystemException e) { // access denied, read-only file system
            throw notWritable(dir, e);
        } catch (IOException e) {
            throw new UserError("cannot write the site next to " + dir + ": " + e.getMessage());
        }
        try {
            write(runs, baselines, staging);
            AtomicFiles.readableByAll(staging);
            ReportGenerator.swapIn(staging, dir);
            staging = null;
            return dir.resolve("index.html");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the site", e);
        } finally {
            ReportGenerator.deleteQuietly(staging);
        }
    }

    private static UserError notWritable(Path dir, Exception e) {
        return new UserError("cannot write the site: " + dir.getParent() + " is not writable (" + e.getClass().getSimpleName()
                + "); publish into a folder you can write to");
    }

    /** A new folder, an empty one or an earlier site; never a file or a folder of something else. */
    static void checkDestination(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("publish folder " + dir + " is a file; give a new or empty folder, or an earlier site");
        }
        Path parent = dir.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError("the folder " + parent + " that would hold " + dir.getFileName() + " does not exist; create it first");
        }
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir)) {
                throw new UserError("publish folder " + dir + " is not writable; choose another folder or change its permissions");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent() && !Files.isRegularFile(dir.resolve(MARKER))) {
                    throw new UserError("publish folder " + dir + " is not empty and holds no asfast site; publish into a new or empty folder");
                }
            } catch (IOException e) {
                throw new UserError("cannot read publish folder " + dir + ": " + e.getMessage());
            }
        }
        if (!Files.isWritable(parent)) {
            throw new UserError("cannot write the site: " + parent + " is not writable; publish into a folder you can write to");
        }
    }

    private static void write(List<Run> runs, Baselines baselines, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        Files.createDirectories(dir.resolve("charts"));
        Files.createDirectories(dir.resolve("runs"));
        String css = ReportGenerator.template("report.css");
        AtomicFiles.write(dir.resolve(CSS), out -> out.write(css));
        String generatedAt = Instant.now().toString();

        List<Map<String, Object>> index = new ArrayList<>();
        for (Run run : runs) {
            Path runDir = Files.createDirectories(dir.resolve("runs").resolve(run.id()));
            ReportGenerator.forRuns(dir, List.of(run), baselines)
                    .render(runDir, new ReportGenerator.Layout(false, "../../" + CSS, "../../index.html", true));
            index.add(indexRow(run));
        }

        OusterhoutReport all = new OusterhoutReport(baselines, runs);
        RunComparison comparison = RunComparison.of(all.measurements(), baselines);
        List<FigurePoint> figure = all.figure1Points().stream().filter(p -> !p.kind().equals("model")).toList();
        ReportGenerator.writeChart(dir.resolve("charts"), "compare-figure1", all.figure1Chart(figure), false);
        if (!comparison.runs().isEmpty()) {
            ReportGenerator.writeChart(dir.resolve("charts"), "compare-speed", speedChart(comparison), false);
        }

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("schema", SCHEMA);
        model.put("generatedAt", generatedAt);
        model.put("css", CSS);
        model.put("runs", index);
        model.put("baseline", comparison.runs().isEmpty() ? "" : comparison.runs().getFirst().id());
        model.put("modelOnly", runs.stream().map(Run::id).filter(id -> comparison.runs().stream().noneMatch(c -> c.id().equals(id))).toList());
        model.put("comparison", comparison);
        model.put("figure1", figure);
        AtomicFiles.write(dir.resolve("index.html"), out -> out.write(ReportGenerator.html("site-index.ftlh", model)));
        AtomicFiles.write(dir.resolve("compare.html"), out -> out.write(ReportGenerator.html("compare.ftlh", model)));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", SCHEMA);
        manifest.put("generatedAt", generatedAt);
        manifest.put("runs", index);
        AtomicFiles.write(dir.resolve(MARKER), out -> new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, manifest));
    }

    /** What the index shows of a run: the machine, its kernel, file system, JDK, profile, date, commit and MIPS. */
    static Map<String, Object> indexRow(Run run) {
        JsonNode env = run.environment();
        JsonNode host = env.path("host");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.id());
        row.put("href", "runs/" + run.id() + "/index.html");
        row.put("machine", host.path("hostname").asText("unknown host"));
        row.put("cpu", host.path("cpuModel").asText("?") + ", " + host.path("cpus").asText("?") + " CPUs");
        row.put("kernel", (host.path("kernel").asText("") + " " + host.path("kernelVersion").asText("")).trim());
        JsonNode target = env.path("target");
        row.put("fileSystem", target.path("fileSystem").asText("?") + " at " + target.path("mountPoint").asText("?"));
        row.put("jdk", host.path("jdk").asText("?"));
        row.put("profile", env.path("profile").asText("?"));
        row.put("date", readableTime(env.path("startedAt").asText("?")));
        String commit = env.path("git").path("commit").asText("?");
        row.put("commit", (commit.matches("[0-9a-f]{40}") ? commit.substring(0, 10) : commit)
                + (env.path("git").path("dirty").asBoolean(false) ? " (uncommitted changes)" : ""));
        row.put("mips", Numbers.readable(run.hostMips()));
        row.put("mipsSpread", mipsSpread(env.path("hostMips")));
        return row;
    }

    /** "2026-11-30 05:09 UTC" from an ISO instant; anything else as it is. */
    static String readableTime(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .format(Instant.parse(instant).atZone(java.time.ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    /** "median 11,900, slowest 8,200 of 5 trials" when the run recorded its trials, else "". */
    static String mipsSpread(JsonNode rating) {
        JsonNode trials = rating.path("trials");
        if (!trials.has("best") || !trials.has("min")) {
            return "";
        }
        return String.format(Locale.ROOT, "trials %s–%s (median %s, %d trials)", Numbers.readable(trials.path("min").asDouble()),
                Numbers.readable(trials.path("best").asDouble()), Numbers.readable(trials.path("median").asDouble(Double.NaN)),
                trials.path("count").asInt());
    }

    /** Each run's speed relative to the baseline run, geometric mean over the cells both measured. */
    private static CategoryChart speedChart(RunComparison comparison) {
        CategoryChart chart = new CategoryChartBuilder().width(960).height(420)
                .title("Speed relative to run " + comparison.runs().getFirst().id() + " (geometric mean over the cells both measured)")
                .xAxisTitle("run").yAxisTitle("relative speed (1 = baseline; higher is faster)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (RunComparison.Mean mean : comparison.means()) {
            names.add(mean.run());
            values.add(Double.isNaN(mean.relativeSpeed()) ? 0.0 : mean.relativeSpeed());
        }
        chart.addSeries("relative speed", names, values).setFillColor(Charts.RUN);
        return chart;
    }
}
