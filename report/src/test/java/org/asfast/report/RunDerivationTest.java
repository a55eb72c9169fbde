package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH scores become the paper's units, and MIPS-relative speeds use the right MVAX2 row. */
class RunDerivationTest {
    @TempDir
    Path dir;

    private static Measurement cell(List<Measurement> cells, String table, String column, String config) {
        return cells.stream().filter(m -> m.table().equals(table) && m.column().equals(column) && m.row().config().equals(config))
                .findFirst().orElseThrow(() -> new AssertionError("no " + table + " " + column + " " + config));
    }

    private static JmhResult result(Run run, String benchmark, String param) {
        return run.results().stream().filter(r -> r.benchmark().endsWith(benchmark) && (param == null || r.params().containsValue(param)))
                .findFirst().orElseThrow();
    }

    @Test
    void unitsFollowThePaper() throws Exception {
        Path results = ReportFixtures.results(dir);
        Run run = Run.load(ReportFixtures.run(results, "local"));
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        List<Measurement> cells = RunDerivation.measurements(run, baselines);
        JmhResult getpid = result(run, "GetpidBenchmark.getpid", null);
        assertEquals("ns/op", getpid.unit());
        assertEquals(getpid.score() / 1000, cell(cells, "2", "Time", "Local").value(), 1e-12, "ns to µs");
        JmhResult openClose = result(run, "OpenCloseBenchmark.openClose", "FOO");
        assertEquals(openClose.score() / 1e6, cell(cells, "9", "foo", "Local").value(), 1e-15, "ns to ms");
        JmhResult read = result(run, "ReadBenchmark.read", null);
        double mbPerS = 16384 / (read.score() * 1e-9) / (1 << 20);
        assertEquals(mbPerS, cell(cells, "6", "Bandwidth", "Local").value(), 1e-6, "16 KB per op to Mbytes/s");
        Measurement bandwidth = cell(cells, "6", "Bandwidth", "Local");
        assertTrue(bandwidth.low() < bandwidth.value() && bandwidth.value() < bandwidth.high(), "interval inverted with the time");
        Measurement copy = cell(cells, "7", "Copy", "Local");
        Measurement compile = cell(cells, "7", "Compile", "Local");
        assertEquals(copy.value() + compile.value(), cell(cells, "7", "Total", "Local").value(), 1e-12);
        assertEquals("derived", cell(cells, "7", "Total", "Local").origin());
        assertTrue(cells.stream().anyMatch(m -> m.row().config().equals("Local, cross-CPU")), "the cross-CPU cswitch is its own row");
    }

    @Test
    void remoteRunsCompareWithTheMicroVaxOverNfs() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path folder = ReportFixtures.run(results, "nfs");
        Path env = folder.resolve(Run.ENVIRONMENT_FILE);
        Files.writeString(env, Files.readString(env).replace("\"config\" : \"Local\"", "\"config\" : \"NFS\""));
        Run run = Run.load(folder);
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        OusterhoutTables tables = new OusterhoutTables(baselines);
        List<Measurement> cells = RunDerivation.measurements(run, baselines);
        double foo = cell(cells, "9", "foo", "NFS").value();
        double mvaxNfs = baselines.value("ousterhout1990", "9", OusterhoutTables.MVAX2_NFS, "foo").orElseThrow();
        double expected = MipsRelative.fromTimes(mvaxNfs, foo, run.hostMips(), tables.mips("MVAX2").orElseThrow());
        assertEquals(expected, cell(cells, "9", OusterhoutTables.MIPS_RELATIVE, "NFS").value(), 1e-12);
        double noData = cell(cells, "10", "No data", "NFS").value();
        double mvaxNfsCd = baselines.value("ousterhout1990", "10", OusterhoutTables.MVAX2_NFS, "No data").orElseThrow();
        assertEquals(MipsRelative.fromTimes(mvaxNfsCd, noData, run.hostMips(), tables.mips("MVAX2").orElseThrow()),
                cell(cells, "10", OusterhoutTables.MIPS_RELATIVE, "NFS").value(), 1e-12);
        assertTrue(cells.stream().anyMatch(m -> m.table().equals("8") && m.column().equals("MIPS-Relative Speed (Remote)")));
        // getpid does not depend on files: Table 2 still compares with the one MVAX2 row.
        double getpid = cell(cells, "2", "Time", "NFS").value();
        double mvax = baselines.value("ousterhout1990", "2", OusterhoutTables.MVAX2, "Time").orElseThrow();
        assertEquals(MipsRelative.fromTimes(mvax, getpid, run.hostMips(), tables.mips("MVAX2").orElseThrow()),
                cell(cells, "2", OusterhoutTables.MIPS_RELATIVE, "NFS").value(), 1e-12);
    }

    @Test
    void aModelledPlatformsVirtualTimeIsItsResult() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path folder = ReportFixtures.run(results, "modelled");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var array = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(folder.resolve(Run.JMH_FILE).toFile());
        var getpid = (com.fasterxml.jackson.databind.node.ObjectNode) array.get(0).deepCopy();
        for (var node : array) {
            if (node.get("benchmark").asText().endsWith("GetpidBenchmark.getpid")) {
                getpid = (com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy();
            }
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) getpid.get("params")).put("platform", "ds3100-ultrix3.1-local");
        var secondary = getpid.putObject("secondaryMetrics");
        secondary.putObject("virtualNanos").put("score", 2_500_000.0);
        secondary.putObject("operations").put("score", 100.0);
        array.add(getpid);
        json.writeValue(folder.resolve(Run.JMH_FILE).toFile(), array);
        // The run describes its modelled platform: the report labels the row and rates it with the machine's MIPS.
        var environment = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(folder.resolve(Run.ENVIRONMENT_FILE).toFile());
        var platform = environment.putObject("model").putObject("platforms").putObject("ds3100-ultrix3.1-local");
        platform.put("machine", "DS3100").put("os", "Ultrix 3.1").put("config", "Local").put("scenario", "").put("mips", 12.0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) environment.get("platforms")).putObject("ds3100-ultrix3.1-local").put("kind", "modelled");
        json.writeValue(folder.resolve(Run.ENVIRONMENT_FILE).toFile(), environment);
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        List<Measurement> cells = RunDerivation.measurements(Run.load(folder), baselines);
        RowLabel row = new RowLabel("DS3100", "Ultrix 3.1", "");
        Measurement modelled = cells.stream().filter(m -> m.row().equals(row) && m.column().equals("Time")).findFirst().orElseThrow();
        assertEquals("modelled", modelled.origin());
        assertEquals(25.0, modelled.value(), 1e-12, "2.5 ms of virtual time over 100 calls is 25 µs per call");
        assertTrue(!modelled.hasInterval(), "a deterministic model has no confidence interval");
        Measurement relative = cells.stream().filter(m -> m.row().equals(row) && m.column().equals(OusterhoutTables.MIPS_RELATIVE)).findFirst().orElseThrow();
        double mvax = baselines.value("ousterhout1990", "2", OusterhoutTables.MVAX2, "Time").orElseThrow();
        assertEquals((mvax / 25.0) / (12.0 / 0.9), relative.value(), 1e-12, "the modelled machine's own rating, as the paper computes it");
        assertEquals("measured", cell(cells, "2", "Time", "Local").origin(), "the host's row is still measured");
    }

    /** The run of the fixture with one more getpid result, on {@code platform}, whose kind the run records as {@code kind}. */
    private Run runWithGetpidOn(String platform, String kind, double virtualNanos) throws Exception {
        Path results = ReportFixtures.results(dir);
        Path folder = ReportFixtures.run(results, "kinds");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var array = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(folder.resolve(Run.JMH_FILE).toFile());
        com.fasterxml.jackson.databind.node.ObjectNode getpid = null;
        for (var node : array) {
            if (node.get("benchmark").asText().endsWith("GetpidBenchmark.getpid")) {
                getpid = (com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy();
            }
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) getpid.get("params")).put("platform", platform);
        var secondary = getpid.putObject("secondaryMetrics");
        secondary.putObject("virtualNanos").put("score", virtualNanos);
        secondary.putObject("operations").put("score", 100.0);
        array.add(getpid);
        json.writeValue(folder.resolve(Run.JMH_FILE).toFile(), array);
        var environment = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(folder.resolve(Run.ENVIRONMENT_FILE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) environment.get("platforms")).putObject(platform).put("kind", kind);
        json.writeValue(folder.resolve(Run.ENVIRONMENT_FILE).toFile(), environment);
        return Run.load(folder);
    }

    @Test
    void aRowIsLabelledByTheKindItsProviderDeclaredNotByItsName() throws Exception {
        // Named like a modelled row, declared simulated: simulated it is, in virtual time, with no MIPS-relative speed of its own.
        Run run = runWithGetpidOn("ds3100-ultrix3.1-local", "simulated", 2_500_000.0);
        List<Measurement> cells = RunDerivation.measurements(run, Baselines.load(ReportFixtures.BASELINES));
        List<Measurement> mine = cells.stream().filter(m -> m.row().machine().equals("ds3100-ultrix3.1-local")).toList();
        assertEquals(1, mine.size(), "its getpid time and nothing derived: " + mine);
        assertEquals("simulated", mine.getFirst().origin());
        assertEquals(25.0, mine.getFirst().value(), 1e-12, "its virtual time, 2.5 ms over 100 calls");
        assertEquals(org.asfast.spi.PlatformKind.SIMULATED, run.kindOf(mine.getFirst().row()));
        assertEquals(org.asfast.spi.PlatformKind.MEASURED, run.kindOf(cell(cells, "2", "Time", "Local").row()));
    }

    @Test
    void aVirtualTimePlatformWithoutVirtualTimeAndAnUnrecordedKindAreOneLineErrors() throws Exception {
        Run silent = runWithGetpidOn("quiet-sim", "simulated", 0);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class,
                () -> RunDerivation.measurements(silent, Baselines.load(ReportFixtures.BASELINES)));
        assertTrue(e.getMessage().contains("reports no virtual time"), e.getMessage());
        var unknown = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class, () -> silent.kind("never-ran"));
        assertTrue(unknown.getMessage().contains("does not record what kind"), unknown.getMessage());
    }

    private static Measurement andrew(String column, double value, double half) {
        return new Measurement(OusterhoutTables.PAPER, "7", new RowLabel("host", "Linux", "Local"), column, "s", value, value - half, value + half,
                Double.isNaN(half) ? "modelled" : "measured", "andrew " + column);
    }

    @Test
    void andrewsTotalAddsTheHalfWidthsInQuadratureAndHasNoIntervalWhenASideHasNone() throws Exception {
        Measurement both = RunDerivation.andrewTotals(List.of(andrew("Copy", 3, 0.3), andrew("Compile", 4, 0.4))).getFirst();
        assertEquals(7, both.value(), 1e-12);
        assertEquals(0.5, (both.high() - both.low()) / 2, 1e-12, "0.3 and 0.4 in quadrature");
        // A side without an interval is unknown, not ±0: the total's interval would otherwise be the other side's alone.
        Measurement oneSided = RunDerivation.andrewTotals(List.of(andrew("Copy", 3, Double.NaN), andrew("Compile", 4, 0.4))).getFirst();
        assertEquals(7, oneSided.value(), 1e-12);
        assertFalse(oneSided.hasInterval(), "no interval, not the compile's ±0.4: " + oneSided);
        // The model's virtual times have none: its total has none either (it showed ±0).
        Measurement modelled = RunDerivation.andrewTotals(List.of(andrew("Copy", 3, Double.NaN), andrew("Compile", 4, Double.NaN))).getFirst();
        assertFalse(modelled.hasInterval(), modelled.toString());
        assertEquals("", modelled.intervalText(), "the report shows the total alone");
        Path csv = dir.resolve(ResultsCsv.FILE);
        ResultsCsv.write(csv, List.of(modelled), row -> org.asfast.spi.PlatformKind.MODELLED);
        assertEquals("ousterhout1990,7,host,Linux,Local,Total,s,7.0,,,derived,modelled,Copy + Compile", Files.readAllLines(csv).get(1), "results.csv: empty ci");
    }
}
