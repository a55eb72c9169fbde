package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting a run removes every scratch file, in the harness and in the JMH fork, and leaves no
 * half-written run. The test sends SIGTERM to the whole process group, as a terminal sends SIGINT on
 * Ctrl-C: both run the JVMs' shutdown hooks, but a process started in the background by a
 * non-interactive shell (as CI may start this test) inherits SIGINT ignored, so SIGINT would test nothing.
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void interruptedRunLeavesNothingBehind() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results/baselines")).getParent();
        try (Stream<Path> files = Files.list(Path.of("..", "results", "baselines"))) {
            for (Path f : files.toList()) {
                Files.copy(f, results.resolve("baselines").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path target = Files.createDirectories(dir.resolve("target"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // setsid puts the run in a process group of its own, so that we can signal the group as a terminal would.
        List<String> command = List.of("setsid", java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "org.asfast.cli.Main", "run", "--profile", "full",
                "--workload", "read", "--host-mips", "1000", "--no-report",
                "--results", results.toString(), "--target", target.toString());
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Wait until the JMH fork has written its file, then interrupt in the middle of measurement
        // (the full profile measures the read workload for about a minute).
        while (!scratchFileExists(target) && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(scratchFileExists(target), "the read workload created its file: " + Files.readString(dir.resolve("run.log")));
        Thread.sleep(1000);
        new ProcessBuilder("kill", "-TERM", "--", "-" + run.pid()).inheritIO().start().waitFor();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run stops when interrupted");
        Thread.sleep(500); // the fork's shutdown hook may finish just after the harness
        try (Stream<Path> left = Files.walk(target)) {
            assertEquals(List.of(target), left.toList(), "no scratch files: " + Files.readString(dir.resolve("run.log")));
        }
        try (Stream<Path> runs = Files.exists(results.resolve("runs")) ? Files.list(results.resolve("runs")) : Stream.empty()) {
            assertEquals(List.of(), runs.toList(), "no half-written run folder");
        }
    }

    private static boolean scratchFileExists(Path target) throws Exception {
        try (Stream<Path> files = Files.walk(target)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("read.dat"));
        }
    }
}
