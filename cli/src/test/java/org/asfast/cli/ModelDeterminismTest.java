package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelRow;
import org.asfast.jmh.DirectRun;
import org.asfast.workloads.WorkloadRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;

/** The same inputs give bit-identical outputs, by either path; what-if changes reach the tables; bad changes are refused. */
class ModelDeterminismTest {
    @TempDir
    Path dir;

    private static double[] values() {
        ModelParameters parameters = ModelParameters.bundled();
        return ModelCells.measureAll(ModelRow.all(), r -> new ModelPlatform(r.platform(), r, parameters)).stream()
                .mapToDouble(ModelCells.Cell::value).toArray();
    }

    @Test
    void twoRunsGiveBitIdenticalCells() {
        double[] first = values();
        double[] second = values();
        assertTrue(first.length > 300, "every modelled cell: " + first.length);
        assertArrayEquals(first, second, 0.0);
    }

    private int model(Path out, String... args) {
        PrintStream saved = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("model", "--baselines", Path.of("..", "results", "baselines").toString(),
                    "--out", out.toString()), java.util.stream.Stream.of(args)).toArray(String[]::new);
            picocli.CommandLine line = Main.commandLine();
            line.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
            return line.execute(all);
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void theModelCommandWritesTheSameBytesTwice() throws Exception {
        assertEquals(0, model(dir.resolve("a")));
        assertEquals(0, model(dir.resolve("b")));
        for (String file : List.of("cells.csv", "fidelity.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void aWhatIfFromTheCommandLineOrAFileChangesTheTables() throws Exception {
        assertEquals(0, model(dir.resolve("base")));
        assertEquals(0, model(dir.resolve("fast"), "--set", "DS3100/disk_rotation_ms=0.1"));
        Path file = Files.writeString(dir.resolve("fast.csv"), "subject,parameter,value,unit,source\nDS3100,disk_rotation_ms,0.1,ms,what-if: a fast disk\n");
        assertEquals(0, model(dir.resolve("fast-file"), "--what-if", file.toString()));
        double base = createDelete(dir.resolve("base"));
        double fast = createDelete(dir.resolve("fast"));
        assertTrue(fast < base / 3, "a 0.1 ms rotation should cut Sprite's create-delete: " + base + " -> " + fast);
        assertEquals(fast, createDelete(dir.resolve("fast-file")), 0.0, "the file and --set give the same what-if");
    }

    private static double createDelete(Path out) throws Exception {
        return Files.readAllLines(out.resolve("cells.csv")).stream().filter(l -> l.startsWith("ds3100-sprite-local,ousterhout1990,10,") && l.contains(",No data,"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).findFirst().orElseThrow();
    }

    @Test
    void badWhatIfsAreRefusedWithOneLineAndWriteNothing() {
        for (String[] args : new String[][] {{"--set", "DS3100-disk"}, {"--set", "DS3100/no_such_parameter=1"}, {"--set", "DS3100/disk_rotation_ms=fast"},
                {"--what-if", dir.resolve("missing.csv").toString()}}) {
            PrintStream saved = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                picocli.CommandLine line = Main.commandLine();
                line.setErr(new java.io.PrintWriter(System.err, true));
                code = line.execute(java.util.stream.Stream.concat(java.util.stream.Stream.of("model", "--out", dir.resolve("out").toString()),
                        java.util.stream.Stream.of(args)).toArray(String[]::new));
            } finally {
                System.setErr(saved);
            }
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, String.join(" ", args) + ": " + message);
            assertTrue(message.startsWith("asfast: ") && message.strip().lines().count() == 1, message);
            assertFalse(Files.exists(dir.resolve("out")), "nothing written for " + String.join(" ", args));
        }
    }

    @Test
    void jmhAndTheDirectRunAgree() {
        ModelledSuite suite = ModelledSuite.select(List.of("ds3100-sprite-local", "mvax2-ultrix3.0-nfs"), List.of(), null);
        List<RunResult> results = suite.run(List.of(Workloads.byName("getpid"), Workloads.byName("create-delete"), Workloads.byName("bcopy")));
        ModelParameters parameters = ModelParameters.bundled();
        int compared = 0;
        for (RunResult r : results) {
            String platform = r.getParams().getParam("platform");
            String benchmark = r.getParams().getBenchmark();
            Map<String, String> params = new java.util.HashMap<>();
            r.getParams().getParamsKeys().forEach(k -> params.put(k, r.getParams().getParam(k)));
            WorkloadRegistry.Entry entry = WorkloadRegistry.entries().stream().filter(e -> e.matches(benchmark, params)).findFirst().orElseThrow();
            var secondary = r.getSecondaryResults();
            double operations = secondary.get("operations").getScore();
            double jmh = ModelCells.value(entry, new DirectRun.PerOperation(secondary.get("virtualNanos").getScore() / operations,
                    secondary.get("bytes").getScore() / operations));
            double direct = ModelCells.measure(ModelRow.find(platform), entry, x -> new ModelPlatform(x.platform(), x, parameters)).orElseThrow().value();
            assertEquals(direct, jmh, 0.0, platform + " " + benchmark + " " + params);
            compared++;
        }
        assertEquals(1 + 2 * 3 + 2, compared, "getpid and bcopy's two sizes on the local row, create-delete's three sizes on both");
    }
}
