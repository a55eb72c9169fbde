package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.asfast.spi.UserError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;

/** export and import: a run crosses machines intact; bad archives get one line, exit 2, and leave nothing behind. */
class RunArchiveTest {
    @TempDir
    Path dir;
    Path here;
    Path elsewhere;

    @BeforeEach
    void twoMachines() throws IOException {
        here = ReportFixtures.results(dir.resolve("here"));
        elsewhere = ReportFixtures.results(dir.resolve("elsewhere"));
    }

    /** Runs a command as ./asfast does: bad input is one line on stderr and exit code 2. */
    static Result execute(Object command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setErr(new PrintWriter(err));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("asfast: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        int code = line.execute(args);
        return new Result(code, err.toString().strip());
    }

    record Result(int code, String err) {
        void isBadInput(String expected) {
            assertEquals(2, code, err);
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertTrue(err.contains(expected), err);
        }
    }

    @Test
    void aRunCrossesMachinesThroughAZipAndKeepsItsOwnEnvironment() throws IOException {
        Path original = SiteFixtures.run(elsewhere, "20261201T000000Z", "laptop", "tmpfs", 0.5);
        Path zip = dir.resolve("transfer").resolve("run.zip");
        Files.createDirectories(zip.getParent());
        assertEquals(0, execute(new ExportCommand(), "--results", elsewhere.toString(), "-o", zip.toString(), "20261201T000000Z").code());
        assertEquals(0, execute(new ImportCommand(), "--results", here.toString(), zip.toString()).code());

        Run imported = Run.load(here.resolve("runs/20261201T000000Z"));
        Run run = Run.load(original);
        assertEquals(run.environment(), imported.environment(), "environment.json as measured: its machine and MIPS");
        assertEquals(run.results().size(), imported.results().size());
        assertEquals("laptop", imported.environment().path("host").path("hostname").asText());
        assertEquals(List.of(), hidden(here.resolve("runs")), "no staging left");

        // Importing the same run again changes nothing; from a folder works as well as from a zip.
        assertEquals(0, execute(new ImportCommand(), "--results", here.toString(), zip.toString()).code());
        Path third = ReportFixtures.results(dir.resolve("third"));
        assertEquals(0, execute(new ImportCommand(), "--results", third.toString(), original.toString()).code());
        assertTrue(Files.exists(third.resolve("runs/20261201T000000Z/jmh.json")));
    }

    @Test
    void exportRefusesToOverwriteAnArchive() throws IOException {
        SiteFixtures.run(elsewhere, "r1", "laptop", "ext4", 1);
        Path zip = Files.writeString(dir.resolve("r1.zip"), "mine");
        execute(new ExportCommand(), "--results", elsewhere.toString(), "-o", zip.toString(), "r1").isBadInput("already exists");
        assertEquals("mine", Files.readString(zip));
    }

    @Test
    void aZipThatIsNotARunIsRefused() throws IOException {
        Path zip = zip("notes.zip", "notes/readme.txt", "hello");
        execute(new ImportCommand(), "--results", here.toString(), zip.toString()).isBadInput("holds no environment.json");
        Path text = Files.writeString(dir.resolve("random.zip"), "not a zip at all");
        execute(new ImportCommand(), "--results", here.toString(), text.toString()).isBadInput("is not a run");
        Path empty = Files.createDirectories(dir.resolve("empty-folder"));
        execute(new ImportCommand(), "--results", here.toString(), empty.toString()).isBadInput("empty or incomplete");
        assertNothingImported();
    }

    @Test
    void aRunWithANewerSchemaIsRefused() throws IOException {
        Path run = SiteFixtures.run(elsewhere, "r2", "laptop", "ext4", 1);
        ObjectNode env = (ObjectNode) new ObjectMapper().readTree(run.resolve(Run.ENVIRONMENT_FILE).toFile());
        env.put("schema", "asfast-environment/3");
        new ObjectMapper().writeValue(run.resolve(Run.ENVIRONMENT_FILE).toFile(), env);
        execute(new ImportCommand(), "--results", here.toString(), run.toString()).isBadInput("newer than this asfast reads");
        env.put("schema", "asfast-environment/1");
        new ObjectMapper().writeValue(run.resolve(Run.ENVIRONMENT_FILE).toFile(), env);
        execute(new ImportCommand(), "--results", here.toString(), run.toString()).isBadInput("older asfast");
        env.remove("hostMips");
        env.put("schema", "asfast-environment/2");
        new ObjectMapper().writeValue(run.resolve(Run.ENVIRONMENT_FILE).toFile(), env);
        execute(new ImportCommand(), "--results", here.toString(), run.toString()).isBadInput("no hostMips section");
        assertNothingImported();
    }

    @Test
    void anEntryOutsideTheArchivesFolderIsRefused() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("run/environment.json"));
            z.write(Files.readAllBytes(SiteFixtures.run(elsewhere, "r3", "laptop", "ext4", 1).resolve(Run.ENVIRONMENT_FILE)));
            z.putNextEntry(new ZipEntry("run/../../../escaped.txt"));
            z.write("gotcha".getBytes(StandardCharsets.UTF_8));
        }
        execute(new ImportCommand(), "--results", here.toString(), zip.toString()).isBadInput("outside its folder");
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().equals("escaped.txt")).toList());
        }
        assertNothingImported();
    }

    @Test
    void twoRunsWithOneIdFromDifferentMachinesAreRefused() throws IOException {
        SiteFixtures.run(here, "20261130T000000Z", "vm", "ext4", 1);
        Path theirs = SiteFixtures.run(elsewhere, "20261130T000000Z", "laptop", "ext4", 1);
        execute(new ImportCommand(), "--results", here.toString(), theirs.toString()).isBadInput("from another machine");
        assertEquals("vm", Run.load(here.resolve("runs/20261130T000000Z")).environment().path("host").path("hostname").asText(), "ours untouched");
        Path site = dir.resolve("site");
        execute(new PublishCommand(), "--results", here.toString(), "--run", "20261130T000000Z", "--run", theirs.toString(), site.toString())
                .isBadInput("come from different machines");
        assertFalse(Files.exists(site), "nothing published");
    }

    private void assertNothingImported() throws IOException {
        try (Stream<Path> runs = Files.list(here.resolve("runs"))) {
            assertEquals(List.of(), runs.toList(), "nothing written to results/runs");
        }
    }

    private static List<Path> hidden(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private Path zip(String name, String entry, String content) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }
}
