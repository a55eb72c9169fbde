package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report command's share of the reliability probe (issue 9, §7): each bad input of the probe is
 * refused with one line and exit 2, and writes nothing: no report/, no results/latest, no hidden
 * staging folder, nothing outside results/.
 */
class ReportDefectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Runs the report on run r1 after {@code damage}, and checks the refusal. */
    private void refused(String expected, Damage damage, String... args) throws Exception {
        Path root = Files.createDirectories(dir.resolve("case-" + System.nanoTime()));
        Path results = ReportFixtures.results(root);
        Path run = ReportFixtures.run(results, "r1");
        damage.apply(results, run);
        List<String> before = listing(root);
        ReportInputTest.Outcome outcome = ReportInputTest.command(results, args.length == 0 ? new String[] {"--run", "r1"} : args);
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("asfast report: "), outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertEquals(before, listing(root), "nothing written");
        try (Stream<Path> outside = Files.list(dir)) {
            assertTrue(outside.allMatch(p -> p.getFileName().toString().startsWith("case-")), "nothing written outside results/");
        }
    }

    @FunctionalInterface
    interface Damage {
        void apply(Path results, Path run) throws Exception;
    }

    private static List<String> listing(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Changes the first result of jmh.json; the raw text replaces "@@", so that JSON Jackson would not write (1e999) can be written. */
    private static Damage firstResult(UnaryOperator<ObjectNode> change, String raw) {
        return (results, run) -> {
            Path jmh = run.resolve(Run.JMH_FILE);
            ArrayNode all = (ArrayNode) JSON.readTree(jmh.toFile());
            change.apply((ObjectNode) all.get(0));
            Files.writeString(jmh, JSON.writeValueAsString(all).replace("\"@@\"", raw));
        };
    }

    private static Damage score(String raw) {
        return firstResult(n -> {
            ((ObjectNode) n.get("primaryMetric")).put("score", "@@");
            return n;
        }, raw);
    }

    /** The line of a shipped baseline file that starts with {@code start}, counted as an editor does. */
    private static int line(String file, String start) throws Exception {
        List<String> lines = Files.readAllLines(ReportFixtures.BASELINES.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + start + " in " + file);
    }

    private static Damage baseline(String file, String from, String to) {
        return (results, run) -> {
            Path table = results.resolve("baselines").resolve(file);
            String text = Files.readString(table);
            assertTrue(text.contains(from), from);
            Files.writeString(table, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        };
    }

    @Test
    void aBaselinesIndexCannotNameAFileOutsideResults() throws Exception {
        // The probe's row wrote /tmp/x-9.csv; from here, the same climb would land beside results/.
        Damage evilPaper = (results, run) -> {
            Files.writeString(results.resolve("baselines/index.csv"), "../../../../../../../../escaped,9,evil.csv,Evil,src\n", java.nio.file.StandardOpenOption.APPEND);
            Files.copy(results.resolve("baselines/ousterhout1990-table2.csv"), results.resolve("baselines/evil.csv"));
        };
        refused("index.csv line " + (Files.readAllLines(ReportFixtures.BASELINES.resolve("index.csv")).size() + 1) + ": paper '../../../../../../../../escaped' is not a plain name", evilPaper);
        Damage evilFile = (results, run) -> Files.writeString(results.resolve("baselines/index.csv"),
                "ousterhout1990,99,../../r1/jmh.json,Evil,src\n", java.nio.file.StandardOpenOption.APPEND);
        refused("file '../../r1/jmh.json' is not a plain name", evilFile);
    }

    @Test
    void badNumbersInJmhJsonAreOneLineErrors() throws Exception {
        refused("score is \"abc\", not a finite number", score("\"abc\""));
        refused("score is true, not a finite number", score("true"));
        refused("score is Infinity, not a finite number", score("1e999"));
        refused("score 0 is not a positive time", score("0"));
        refused("unit 'parsecs' is not one of ns/op", firstResult(n -> {
            ((ObjectNode) n.get("primaryMetric")).put("scoreUnit", "parsecs");
            return n;
        }, ""));
    }

    @Test
    void aMipsRatingInEnvironmentJsonOutsideThePlausibleRangeIsRefused() throws Exception {
        for (String mips : List.of("4.9e-324", "0", "-1", "1e999", "\"fast\"")) {
            refused("hostMips.mips", (results, run) -> {
                Path env = run.resolve(Run.ENVIRONMENT_FILE);
                ObjectNode root = (ObjectNode) JSON.readTree(env.toFile());
                ((ObjectNode) root.get("hostMips")).put("mips", "@@");
                Files.writeString(env, JSON.writeValueAsString(root).replace("\"@@\"", mips));
            });
        }
    }

    @Test
    void badNumbersInTheBaselinesAreOneLineErrors() throws Exception {
        refused("ousterhout1990-table2.csv line " + line("ousterhout1990-table2.csv", "ousterhout1990,2,MVAX2,Ultrix 3.0,,Time,") + ": value '1e999' is not a positive, finite number of us",
                baseline("ousterhout1990-table2.csv", "ousterhout1990,2,MVAX2,Ultrix 3.0,,Time,us,207,", "ousterhout1990,2,MVAX2,Ultrix 3.0,,Time,us,1e999,"));
        for (String mips : List.of("0", "-1")) {
            refused("value '" + mips + "' is not a positive, finite number of MIPS",
                    baseline("ousterhout1990-table1.csv", "MVAX2,,,MIPS,MIPS,0.9,", "MVAX2,,,MIPS,MIPS," + mips + ","));
        }
        refused("ousterhout1990-table2.csv has no cells", (results, run) -> {
            Path table = results.resolve("baselines/ousterhout1990-table2.csv");
            Files.writeString(table, Files.readString(table).lines().findFirst().orElseThrow() + "\n");
        });
        refused("results/baselines has no ousterhout1990 Table 1 cell for MVAX2, column MIPS",
                baseline("ousterhout1990-table1.csv", "MVAX2,,,MIPS,MIPS,0.9,", "MVAX2,,,Rating,MIPS,0.9,"));
    }

    @Test
    void rowErrorsNameTheLineAnEditorShows() throws Exception {
        // The first data row is the file's line 2 (the header is line 1); the probe's message said "line 1".
        String first = Files.readAllLines(ReportFixtures.BASELINES.resolve("ousterhout1990-table2.csv")).get(1);
        refused("ousterhout1990-table2.csv line 2: value 'x" + first.split(",")[7] + "' is not a number",
                baseline("ousterhout1990-table2.csv", first, first.replace(",us,", ",us,x")));
        refused("ousterhout1990-table2.csv line 3 has 8 fields, not 9", (results, run) -> {
            Path table = results.resolve("baselines/ousterhout1990-table2.csv");
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(table));
            lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf(',')));
            Files.write(table, lines);
        });
        refused("evil.csv line 2: a quoted field has no closing quote", (results, run) -> {
            Files.writeString(results.resolve("baselines/index.csv"), "ousterhout1990,99,evil.csv,Evil,src\n", java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(results.resolve("baselines/evil.csv"), "paper,table,machine,os,config,column,unit,value,note\nousterhout1990,99,\"MVAX2,,,x,us,1,\n");
        });
    }

    @Test
    void runMustBeARunFolderOfResults() throws Exception {
        refused("--run '/etc' is not a run in", (results, run) -> { }, "--run", "/etc");
        refused("--run '../../../outside' is not a run in", (results, run) -> {
            Path outside = Files.createDirectories(results.getParent().resolve("outside"));
            Files.copy(run.resolve(Run.JMH_FILE), outside.resolve(Run.JMH_FILE));
            Files.copy(run.resolve(Run.ENVIRONMENT_FILE), outside.resolve(Run.ENVIRONMENT_FILE));
        }, "--run", "../../../outside");
        refused("--run '.r2.123.incomplete' is not a run in", (results, run) -> ReportFixtures.run(results, ".r2.123.incomplete"),
                "--run", ".r2.123.incomplete");
    }

    @Test
    void anUnknownOptionIsOneLineThatPointsToHelp() throws Exception {
        refused("unknown option: '--bogus'; see --help", (results, run) -> { }, "--bogus");
    }

    @Test
    void aMissingIndexNamesAnOptionTheCommandHas() throws Exception {
        refused("no baseline index at ", (results, run) -> Files.delete(results.resolve("baselines/index.csv")));
        ReportInputTest.Outcome outcome = ReportInputTest.command(dir.resolve("nowhere"));
        assertTrue(outcome.err().contains("pass --results the folder that holds baselines/"), outcome.err());
        assertFalse(outcome.err().contains("--baselines"), "report has no --baselines: " + outcome.err());
    }

    @Test
    void aFolderWithoutRoomIsRefusedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        UserError notAFolder = assertThrows(UserError.class, () -> ReportGenerator.requireRoom(file.resolve("runs/r1")));
        assertTrue(notAFolder.getMessage().contains("is not a folder"), notAFolder.getMessage());
        UserError full = assertThrows(UserError.class, () -> AtomicFiles.requireWritable(dir, Long.MAX_VALUE, "the report"));
        assertTrue(full.getMessage().contains("MB free, and it needs"), full.getMessage());
        UserError readOnly = assertThrows(UserError.class, () -> AtomicFiles.requireWritable(Path.of("/proc/self/report"), 1, "the report"));
        assertTrue(readOnly.getMessage().startsWith("cannot write the report to /proc/self/report"), readOnly.getMessage());
        UserError write = assertThrows(UserError.class, () -> AtomicFiles.write(file.resolve("x.csv"), w -> w.write("x")));
        assertTrue(write.getMessage().startsWith("cannot write " + file.resolve("x.csv")), write.getMessage());
        assertFalse(write.getMessage().contains("\n"));
    }

    @Test
    void rewritingAFileKeepsItsPermissions() throws Exception {
        Path secret = Files.writeString(dir.resolve("parameters.csv"), "old\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.rewrite(secret, w -> w.write("new\n"));
        assertEquals("new\n", Files.readString(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("parameters.csv"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void aModelledResultWithoutVirtualTimeIsAnErrorNotAMeasurement() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path folder = ReportFixtures.modelRun(results, "model");
        Path jmh = folder.resolve(Run.JMH_FILE);
        ArrayNode all = (ArrayNode) JSON.readTree(jmh.toFile());
        ((ObjectNode) all.get(0).get("secondaryMetrics").get("virtualNanos")).put("score", 0.0);
        Files.writeString(jmh, JSON.writeValueAsString(all));
        Run run = Run.load(folder);
        UserError e = assertThrows(UserError.class, () -> RunDerivation.measurements(run, Baselines.load(results.resolve("baselines"))));
        assertTrue(e.getMessage().contains("reports no virtual time"), e.getMessage());
    }
}
