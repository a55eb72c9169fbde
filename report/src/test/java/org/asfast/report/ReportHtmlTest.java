package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the report writes, read back without a browser. */
class ReportHtmlTest {
    @TempDir
    Path dir;

    @Test
    void stringsFromResultFilesAreRenderedAsText() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path run = ReportFixtures.run(results, "evil");
        String env = Files.readString(run.resolve(Run.ENVIRONMENT_FILE))
                .replaceFirst("\"cpuModel\" : \"[^\"]*\"", "\"cpuModel\" : \"<script>alert(1)</script>\"")
                .replaceFirst("\"kernel\" : \"[^\"]*\"", "\"kernel\" : \"<img src=x onerror=alert(2)>\"");
        Files.writeString(run.resolve(Run.ENVIRONMENT_FILE), env);
        ReportGenerator.forRuns(results, List.of(Run.load(run)), Baselines.load(results.resolve("baselines"))).writeAll();
        String html = Files.readString(run.resolve("report/index.html"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the CPU model is shown, escaped");
        assertFalse(html.contains("<script"), "no script element anywhere");
        assertFalse(html.contains("<img src=x"), "no injected element");
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    }

    @Test
    void everyOutputIsWrittenAndSelfContained() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path run = ReportFixtures.run(results, "r1");
        long start = System.nanoTime();
        Path report = ReportGenerator.forRuns(results, List.of(Run.load(run)), Baselines.load(results.resolve("baselines"))).writeAll();
        System.out.printf("report generated from an existing run in %.2f s%n", (System.nanoTime() - start) / 1e9);
        for (String table : OusterhoutReport.TABLES) {
            assertTrue(Files.exists(report.resolve("tables/ousterhout1990-table" + table + ".csv")), table);
        }
        for (String chart : List.of("figure1", "ousterhout1990-table2", "ousterhout1990-table10")) {
            assertTrue(Files.size(report.resolve("charts/" + chart + ".svg")) > 1000, chart);
            byte[] png = Files.readAllBytes(report.resolve("charts/" + chart + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        }
        String html = Files.readString(report.resolve("index.html"));
        Matcher external = Pattern.compile("(src|href)=\"(https?:)?//").matcher(html);
        assertFalse(external.find(), "no network reference");
        assertFalse(html.contains("<link"), "CSS is inline");
        Matcher hrefs = Pattern.compile("href=\"((charts|tables)/[^\"]+)\"").matcher(html);
        int links = 0;
        while (hrefs.find()) {
            assertTrue(Files.exists(report.resolve(hrefs.group(1))), hrefs.group(1));
            links++;
        }
        assertTrue(links >= 9 + 9 * 2, "each table links its CSV and chart files: " + links);
        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals(ReportGenerator.SCHEMA, json.get("schema").asText());
        assertEquals(9, json.get("tables").size());
        assertTrue(json.get("errata").size() >= 7);
        assertEquals(json.get("errata").size(), html.split("class=\"paper erratum\"", -1).length - 1,
                "every erratum is marked where it is printed, in whichever paper's table");
        assertTrue(Files.readString(results.resolve("latest/index.html")).equals(html), "results/latest holds the same report");
        String csv = Files.readString(report.resolve("tables/ousterhout1990-table2.csv"));
        assertTrue(csv.startsWith("row,kind,source,Time (µs),MIPS-Relative Speed"), csv.lines().findFirst().orElse(""));
        assertTrue(csv.contains("host Linux"), "the run's row is in the table");
        List<String> xfsText = Files.readAllLines(report.resolve("tables/xfs-text.csv"));
        assertTrue(xfsText.stream().anyMatch(line -> line.startsWith("user-to-user remote memory round trip,paper,") && line.endsWith(",20.0,µs")),
                "a text cell (the unit) is written as its text, a number as its number: " + xfsText);
        assertTrue(html.contains("<dt>Idle CPUs</dt><dd>cpuidle driver haltpoll (governor haltpoll), under a hypervisor; an idle CPU halts at once"),
                "the run's description says how an idle CPU waits");
    }

    @Test
    void hostRowsAreInsertedInThePapersOrder() throws Exception {
        Path results = ReportFixtures.results(dir);
        Run run = Run.load(ReportFixtures.run(results, "r1"));
        OusterhoutReport report = new OusterhoutReport(Baselines.load(results.resolve("baselines")), List.of(run));
        TableView getpid = report.table("2");
        assertEquals("measured", getpid.rows().getFirst().kind(), "a 0.1 µs getpid sorts before the DS5000's 11 µs");
        TableView bcopy = report.table("5");
        assertEquals("measured", bcopy.rows().getFirst().kind(), "bandwidth tables sort fastest first");
        assertEquals(16 + 1, getpid.rows().size());
    }

    @Test
    void comparingTwoRunsGivesRatiosAndVerdicts() throws Exception {
        Path results = ReportFixtures.results(dir);
        Run a = Run.load(ReportFixtures.run(results, "a"));
        Run b = Run.load(ReportFixtures.run(results, "b"));
        OusterhoutReport report = new OusterhoutReport(Baselines.load(results.resolve("baselines")), List.of(a, b));
        List<Comparison> comparisons = Comparison.of(report.measurements());
        assertFalse(comparisons.isEmpty());
        for (Comparison c : comparisons) {
            Comparison.Entry second = c.entries().get(1);
            assertEquals(1.0, second.ratio(), 1e-12, "the same run compared with itself");
            assertTrue(second.verdict().equals("within error") || second.verdict().equals("no interval"));
        }
    }

    @Test
    void aLocalAndAnNfsRunTogetherGiveTheRemotePenaltyOfTable8() throws Exception {
        Path results = ReportFixtures.results(dir);
        Run local = Run.load(ReportFixtures.run(results, "local"));
        Path nfsFolder = ReportFixtures.run(results, "nfs");
        Path env = nfsFolder.resolve(Run.ENVIRONMENT_FILE);
        Files.writeString(env, Files.readString(env).replace("\"config\" : \"Local\"", "\"config\" : \"NFS\"")
                .replace("\"runId\" : \"", "\"runId\" : \"nfs-"));
        // Remotely, the copy phase takes twice as long.
        ObjectMapper json = new ObjectMapper();
        var array = json.readTree(nfsFolder.resolve(Run.JMH_FILE).toFile());
        for (JsonNode node : array) {
            if (node.get("benchmark").asText().endsWith("AndrewBenchmark.copy")) {
                var metric = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("primaryMetric");
                metric.put("score", metric.get("score").asDouble() * 2);
            }
        }
        json.writeValue(nfsFolder.resolve(Run.JMH_FILE).toFile(), array);
        Run nfs = Run.load(nfsFolder);
        OusterhoutReport report = new OusterhoutReport(Baselines.load(results.resolve("baselines")), List.of(local, nfs));
        double copy = RunDerivation.measurements(local, Baselines.load(results.resolve("baselines"))).stream()
                .filter(m -> m.table().equals("7") && m.column().equals("Copy")).findFirst().orElseThrow().value();
        double total = RunDerivation.measurements(local, Baselines.load(results.resolve("baselines"))).stream()
                .filter(m -> m.table().equals("7") && m.column().equals("Total")).findFirst().orElseThrow().value();
        TableView table8 = report.table("8");
        TableView.Row remote = table8.rows().stream().filter(r -> r.label().endsWith(" NFS") && r.kind().equals("measured")).findFirst().orElseThrow();
        int penalty = table8.columns().indexOf("Remote Penalty (%)");
        assertEquals(copy / total * 100, remote.cells().get(penalty).value(), 1e-9, "the extra copy time as a percentage of the local total");
        for (TableView.Cell cell : remote.cells()) {
            assertFalse(Double.isNaN(cell.value()), "local, remote and penalty are all filled");
        }
    }
}
