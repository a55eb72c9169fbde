package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Bad input gets a one-line error, and nothing already written is lost. */
class ReportInputTest {
    @TempDir
    Path dir;

    private static void oneLine(UserError e, String expected) {
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void baselineWithAMissingColumnOrANonNumberIsRefused() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path table2 = results.resolve("baselines/ousterhout1990-table2.csv");
        String good = Files.readString(table2);
        Files.writeString(table2, good.replaceFirst("unit,", ""));
        oneLine(assertThrows(UserError.class, () -> Baselines.load(results.resolve("baselines"))), "lacks the column 'unit'");
        Files.writeString(table2, good.replace(",us,207,", ",us,2O7,"));
        oneLine(assertThrows(UserError.class, () -> Baselines.load(results.resolve("baselines"))), "'2O7' is not a number");
    }

    @Test
    void truncatedOrMalformedResultsAreRefused() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path run = ReportFixtures.run(results, "r1");
        byte[] jmh = Files.readAllBytes(run.resolve(Run.JMH_FILE));
        Files.write(run.resolve(Run.JMH_FILE), java.util.Arrays.copyOf(jmh, jmh.length / 2));
        oneLine(assertThrows(UserError.class, () -> Run.load(run)), "not valid JSON");
        Files.writeString(run.resolve(Run.JMH_FILE), "{\"benchmark\": 1}");
        oneLine(assertThrows(UserError.class, () -> Run.load(run)), "not a JMH result array");
        Files.writeString(run.resolve(Run.JMH_FILE), "[{\"benchmark\": \"x\"}]");
        oneLine(assertThrows(UserError.class, () -> Run.load(run)), "without benchmark, score or unit");
    }

    @Test
    void emptyRunFolderAndUnknownTableAreRefused() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path empty = Files.createDirectories(results.resolve("runs/empty"));
        oneLine(assertThrows(UserError.class, () -> Run.load(empty)), "empty or incomplete");
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        Run run = Run.load(ReportFixtures.run(results, "r1"));
        ReportGenerator generator = ReportGenerator.forRuns(results, List.of(run), baselines);
        oneLine(assertThrows(UserError.class, () -> generator.onlyTables(List.of("2", "11"))), "unknown table '11'");
        oneLine(assertThrows(UserError.class, () -> baselines.table("ousterhout1990", "42")), "unknown table '42'");
    }

    @Test
    void aFailedReportLeavesTheEarlierReportAsItWas() throws Exception {
        Path results = ReportFixtures.results(dir);
        ReportFixtures.run(results, "r1");
        assertEquals(0, command(results, "--run", "r1").exitCode);
        Path index = results.resolve("runs/r1/report/index.html");
        byte[] before = Files.readAllBytes(index);
        byte[] latestBefore = Files.readAllBytes(results.resolve("latest/index.html"));

        Path bad = ReportFixtures.run(results, "r2");
        Files.writeString(bad.resolve(Run.JMH_FILE), "[{\"benchmark\": \"x\", \"primaryMetric\": ");
        Outcome outcome = command(results, "--run", "r1", "--run", "r2");
        assertEquals(2, outcome.exitCode);
        assertTrue(outcome.err.startsWith("asfast report: result file"), outcome.err);
        assertEquals(1, outcome.err.strip().lines().count(), "one line: " + outcome.err);
        assertArrayEquals(before, Files.readAllBytes(index));
        assertArrayEquals(latestBefore, Files.readAllBytes(results.resolve("latest/index.html")));
        assertFalse(Files.exists(bad.resolve("report")));

        Outcome unknown = command(results, "--run", "r1", "--table", "99");
        assertEquals(2, unknown.exitCode);
        assertTrue(unknown.err.contains("unknown table '99'"), unknown.err);
        assertArrayEquals(before, Files.readAllBytes(index));
        try (var leftovers = Files.list(results.resolve("runs/r1"))) {
            assertEquals(List.of(), leftovers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "no staging folders left behind");
        }
    }

    record Outcome(int exitCode, String err) {
    }

    static Outcome command(Path results, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine line = ReportCommand.commandLine();
        line.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        String[] all = new String[args.length + 2];
        all[0] = "--results";
        all[1] = results.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Outcome(line.execute(all), err.toString(StandardCharsets.UTF_8));
    }
}
