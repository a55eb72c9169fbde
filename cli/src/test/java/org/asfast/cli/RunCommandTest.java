package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command refuses bad input with one line and a non-zero exit, before writing anything. */
class RunCommandTest {
    @TempDir
    Path dir;
    Path results;

    @BeforeEach
    void results() throws Exception {
        results = Files.createDirectories(dir.resolve("results/baselines"));
        try (Stream<Path> files = Files.list(Path.of("..", "results", "baselines"))) {
            for (Path f : files.toList()) {
                Files.copy(f, results.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        results = results.getParent();
    }

    record Outcome(int exitCode, String err) {
    }

    private Outcome run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            picocli.CommandLine line = Main.commandLine();
            line.setErr(new java.io.PrintWriter(System.err, true));
            String[] all = Stream.concat(Stream.of("run", "--results", results.toString()), Stream.of(args)).toArray(String[]::new);
            return new Outcome(line.execute(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    private void refused(Outcome outcome, String expected) throws Exception {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("asfast: "), outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertFalse(Files.exists(results.resolve("runs")), "nothing written");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("results"), left.map(p -> p.getFileName().toString()).toList(), "no scratch files");
        }
    }

    @Test
    void unknownWorkloadOrPlatform() throws Exception {
        refused(run("--workload", "getpid,fork-bomb"), "unknown workload 'fork-bomb'; choose from getpid, cswitch");
        refused(run("--platform", "vax"), "unknown platform 'vax'; choose one of ");
        refused(run("--model", "vax-ultrix-local"), "unknown modelled platform 'vax-ultrix-local'");
        refused(run("--what-if", "ds3100-sprite-local@no-such-scenario"), "no what-if scenario 'no-such-scenario'");
        refused(run("--what-if", "ds3100-sprite-local"), "names no scenario");
    }

    @Test
    void badTargets() throws Exception {
        refused(run("--target", dir.resolve("missing").toString()), "does not exist");
        Path file = Files.writeString(dir.resolve("results/a-file"), "x");
        refused(run("--target", file.toString()), "is not a directory");
        Files.delete(file);
        refused(run("--target", "/proc/self"), "is not writable");
    }

    @Test
    void badMipsOverride() throws Exception {
        refused(run("--host-mips", "fast"), "--host-mips must be a number");
        refused(run("--host-mips", "-3"), "positive");
    }

    @Test
    void badProfileIsRefusedByTheParser() {
        Outcome outcome = run("--profile", "forever");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("forever"), outcome.err());
    }

    @Test
    void aSecondRunWhileAnotherHoldsJmhsLockIsRefused() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JmhLockHolder.class.getName()).start();
        try {
            assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine());
            Outcome outcome = run("--workload", "getpid", "--host-mips", "1000", "--no-report");
            assertEquals(2, outcome.exitCode(), outcome.err());
            assertTrue(outcome.err().contains("another benchmark run holds JMH's lock"), outcome.err());
            try (Stream<Path> runs = Files.list(results.resolve("runs"))) {
                assertEquals(List.of(), runs.toList(), "no run folder, complete or not");
            }
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    @Test
    void targetFileSystemGivesThePapersConfiguration() {
        assertEquals("NFS", RunEnvironment.configOf("nfs"));
        assertEquals("NFS", RunEnvironment.configOf("nfs4"));
        assertEquals("AFS", RunEnvironment.configOf("openafs"));
        assertEquals("Local", RunEnvironment.configOf("ext4"));
        assertEquals("Local", RunEnvironment.configOf("tmpfs"));
    }

    @Test
    void runFoldersNeverCollide() throws Exception {
        Path runs = dir.resolve("runs");
        RunFolder a = RunFolder.create(runs);
        Path first = a.complete();
        RunFolder b = RunFolder.create(runs);
        assertNotEquals(a.id(), b.id());
        Files.writeString(first.resolve("keep"), "earlier run");
        b.complete();
        assertEquals("earlier run", Files.readString(first.resolve("keep")));
        RunFolder c = RunFolder.create(runs);
        c.discardIfIncomplete();
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(2, left.count(), "the discarded run left nothing");
        }
    }
}
