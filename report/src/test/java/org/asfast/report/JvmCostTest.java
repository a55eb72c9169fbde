package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The C columns beside the host figures, the "not settled" rule and the MIPS spread, as the report shows them. */
class JvmCostTest {
    private static final RowLabel HOST = new RowLabel("host", "Linux 6", "Local");

    @TempDir
    Path dir;

    private static Measurement time(double value, double halfWidth) {
        return new Measurement(OusterhoutTables.PAPER, "4", HOST, "10 empty", "us", value, value - halfWidth, value + halfWidth, "measured", "select");
    }

    @Test
    void aFigureHasSettledWhenItsIntervalIsWithinFivePercent() {
        assertTrue(Settling.settled(time(1.0, 0.05)));
        assertFalse(Settling.settled(time(1.0, 0.051)));
        assertFalse(Settling.settled(new Measurement(OusterhoutTables.PAPER, "4", HOST, "1 pipe", "us", 1, Double.NaN, Double.NaN, "measured", "x")), "no interval");
        assertFalse(Settling.settled(1.0, 2.0, 3.0), "an interval that does not hold the value");
        assertFalse(Settling.settled(1000, 900, -5000), "an interval turned inside out");
        assertFalse(Settling.settled(1000, 900, Double.POSITIVE_INFINITY), "a bandwidth from a time interval that reached zero");
        assertTrue(Settling.settled(new Measurement(OusterhoutTables.PAPER, "4", HOST, "x", "ratio", 1, Double.NaN, Double.NaN, "derived", "x")), "ratios are not judged");
        assertTrue(Settling.settled(new Measurement(OusterhoutTables.PAPER, "4", HOST, "x", "us", 1, Double.NaN, Double.NaN, "modelled", "x")), "nor model values");
        assertFalse(Settling.settled(new Measurement(OusterhoutTables.PAPER, "7", HOST, "Total", "s", 10, 9, 11, "derived", "Copy + Compile")), "a total with an interval is");
        assertEquals(0.1, Settling.relativeHalfWidth(200, 180, 220), 1e-12);
    }

    @Test
    void theGapOverSingleThreadedCSplitsIntoTheMultithreadedProcessAndTheJvm() {
        JvmCost.Row row = JvmCost.row(time(2.0, 0.02), List.of(time(1.0, 0.01), time(1.5, 0.01)));
        assertEquals(List.of("2.00", "1.33"), row.ratios());
        assertEquals("50%", row.multithreaded(), "C with the JVM's threads is half of the way from C to asfast");
        assertEquals("50%", row.jvm());
        assertEquals("1.0%", row.halfWidth());
        assertTrue(row.settled());
        assertEquals("10 empty", row.figure());
        assertEquals("µs", row.unit());
    }

    @Test
    void aGapWithinTheErrorIsNotSplit() {
        JvmCost.Row row = JvmCost.row(time(1.02, 0.03), List.of(time(1.0, 0.01), time(1.01, 0.01)));
        assertEquals("within error", row.multithreaded());
        assertEquals("", row.jvm());
        JvmCost.Row faster = JvmCost.row(time(0.9, 0.01), List.of(time(1.0, 0.01), time(1.01, 0.01)));
        assertEquals("asfast is not slower", faster.multithreaded());
        JvmCost.Row unsettled = JvmCost.row(time(2.0, 0.5), List.of(time(1.0, 0.01), time(1.01, 0.01)));
        assertFalse(unsettled.settled());
        assertTrue(unsettled.asfast().endsWith(Settling.MARK), unsettled.asfast());
        assertEquals("25.0%", unsettled.halfWidth());
        assertEquals("not settled", unsettled.multithreaded(), "no split of a figure that has not settled");
        assertEquals("not settled", JvmCost.row(time(2.0, 0.02), List.of(time(1.0, 0.01), time(1.5, 0.3))).multithreaded(), "nor of a C figure");
    }

    @Test
    void bandwidthRatiosAreOfTimeSoThatAboveOneIsSlower() {
        Measurement asfast = new Measurement(OusterhoutTables.PAPER, "5", HOST, "Uncached", "MB/s", 10000, 9900, 10100, "measured", "bcopy");
        Measurement c = new Measurement(OusterhoutTables.PAPER, "5", HOST, "Uncached", "MB/s", 20000, 19900, 20100, "measured", "bcopy");
        JvmCost.Row row = JvmCost.row(asfast, List.of(c));
        assertEquals(List.of("2.00"), row.ratios());
        Measurement open = new Measurement(OusterhoutTables.PAPER, "5", HOST, "Uncached", "MB/s", 10000, 5000, Double.POSITIVE_INFINITY, "measured", "bcopy");
        assertEquals("10000 [5000, ∞) " + Settling.MARK, JvmCost.withInterval(open), "a bandwidth from a time interval reaching zero has no upper bound");
        assertEquals("", row.multithreaded(), "one C variant: nothing to split");
    }

    @Test
    void theReportShowsTheCColumnsOfARun() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path folder = ReportFixtures.run(results, "c");
        // C figures for the run's getpid (112.26 ns): half of it with one thread, three quarters with the JVM's 20.
        Files.writeString(folder.resolve(Run.CBENCH_FILE), """
                {"schema": "asfast-cbench/1", "program": "tools/cbench/ousterhout.c", "compiler": "gcc 12", "flags": "-O2", "target": "/tmp/x",
                 "jvm": {"threads": 20, "descriptors": 61, "how": "sampled"},
                 "variants": [
                  {"name": "C, 1 thread", "threads": 1, "results": [%s]},
                  {"name": "C, 20 threads", "threads": 20, "results": [%s]}]}
                """.formatted(getpid(112.2639744536004 / 2), getpid(112.2639744536004 * 3 / 4)));
        Run run = Run.load(folder);
        OusterhoutReport report = new OusterhoutReport(Baselines.load(results.resolve("baselines")), List.of(run));
        JvmCost cost = report.jvmCosts().getFirst();
        assertEquals(List.of("C, 1 thread", "C, 20 threads"), cost.variants());
        JvmCost.Row getpid = cost.rows().stream().filter(r -> r.table().equals("2")).findFirst().orElseThrow();
        assertEquals(List.of("2.00", "1.33"), getpid.ratios());
        assertEquals("50%", getpid.multithreaded());
        assertEquals("", cost.rows().stream().filter(r -> r.table().equals("9")).findFirst().orElseThrow().c().get(0),
                "a figure the C program did not measure stays empty");
        assertTrue(report.table("2").rows().stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.title().contains("C, 1 thread: 0.0561")),
                "the host cell's tooltip gives the C figures");
        ReportGenerator.forRuns(results, List.of(run), Baselines.load(results.resolve("baselines"))).writeAll();
        String html = Files.readString(folder.resolve("report/index.html"));
        assertTrue(html.contains("<section id=\"jvm-cost\">") && html.contains("<th>asfast / C, 20 threads</th>"));
        assertTrue(new ObjectMapper().readTree(folder.resolve("report/report.json").toFile()).path("jvmCost").get(0).path("rows").size() >= 13);
    }

    @Test
    void aMissingCColumnSaysWhy() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path folder = ReportFixtures.run(results, "no-c");
        Run old = Run.load(folder);
        JvmCost none = JvmCost.of(old, RunDerivation.measurements(old, Baselines.load(results.resolve("baselines"))));
        assertTrue(none.missing().contains("has no cbench.json"), none.missing());
        assertTrue(none.variants().isEmpty());
        Files.writeString(folder.resolve(Run.CBENCH_FILE), "{\"schema\": \"asfast-cbench/1\", \"missing\": \"the C column is missing: no C compiler\"}");
        JvmCost missing = JvmCost.of(old, RunDerivation.measurements(old, Baselines.load(results.resolve("baselines"))));
        assertEquals("the C column is missing: no C compiler", missing.missing());
        ReportGenerator.forRuns(results, List.of(old), Baselines.load(results.resolve("baselines"))).writeAll();
        assertTrue(Files.readString(folder.resolve("report/index.html")).contains("The C columns are missing: the C column is missing: no C compiler"));
        for (String bad : List.of("{", "{\"schema\": \"other/1\"}")) {
            Files.writeString(folder.resolve(Run.CBENCH_FILE), bad);
            UserError e = assertThrows(UserError.class, () -> JvmCost.of(old, RunDerivation.measurements(old, Baselines.load(results.resolve("baselines")))));
            assertTrue(e.getMessage().contains("cbench.json") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void theMipsSpreadAndTheCDhrystoneAreDescribedOrLeftOut() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var rating = json.readTree("""
                {"mips": 25000, "trials": {"count": 100, "best": 25000, "median": 24500, "min": 20000, "unit": "VAX MIPS"},
                 "c": {"program": "tools/cbench/dhrystone.c", "compiler": "gcc 12", "flags": "-O2 -fno-inline", "mips": 37000,
                       "trials": {"count": 50, "best": 37000, "median": 36000, "min": 30000}, "javaOverC": 0.6757}}""");
        assertEquals("Spread: best of 100 trials; median 24500 (2.0% below the best), slowest 20000 VAX MIPS.", ReportGenerator.mipsSpread(rating));
        assertTrue(ReportGenerator.mipsC(rating).endsWith("37000 VAX MIPS, best of 50 trials (median 36000); Java/C = 0.68."), ReportGenerator.mipsC(rating));
        assertEquals("C Dhrystone: missing (no gcc).", ReportGenerator.mipsC(json.readTree("{\"c\": {\"missing\": \"no gcc\"}}")));
        assertEquals("", ReportGenerator.mipsSpread(json.readTree("{\"mips\": 5}")), "a rating given with --host-mips has no trials");
        assertEquals("", ReportGenerator.mipsC(json.readTree("{\"mips\": 5}")));
    }

    private static String getpid(double nanos) {
        return """
                {"benchmark": "org.asfast.jmh.GetpidBenchmark.getpid", "mode": "avgt", "params": {},
                 "primaryMetric": {"score": %s, "scoreError": 0.1, "scoreConfidence": [%s, %s], "scoreUnit": "ns/op", "rawData": [[1, 2, 3]]},
                 "secondaryMetrics": {}}""".formatted(nanos, nanos * 0.99, nanos * 1.01);
    }
}
