package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.asfast.report.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting a run or a report removes every scratch file, in the harness and in the JMH fork, and
 * leaves no half-written run or report; a run killed with -9 leaves files that the next run removes.
 * Each run is a JVM of its own with a temp folder of its own (so JMH's lock and files are its own,
 * whatever else runs on the machine). Signals go to one process, or, as a terminal sends SIGINT on
 * Ctrl-C, to the whole process group; SIGTERM stands for SIGINT, since a process started in the
 * background by a non-interactive shell (as CI may start this test) inherits SIGINT ignored.
 */
class InterruptTest {
    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    Path dir;
    Path results;
    Path target;
    Path tmp;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void results() throws Exception {
        results = Files.createDirectories(dir.resolve("results/baselines")).getParent();
        try (Stream<Path> files = Files.list(Path.of("..", "results", "baselines"))) {
            for (Path f : files.toList()) {
                Files.copy(f, results.resolve("baselines").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        target = Files.createDirectories(dir.resolve("target"));
        tmp = Files.createDirectories(dir.resolve("tmp"));
    }

    /** Starts the CLI in a process group of its own (setsid), with this test's temp folder. */
    private Process start(String log, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("setsid", java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "org.asfast.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
        started.add(process);
        return process;
    }

    /** A test that failed half-way leaves no run, fork or node writing into the next test's folders. */
    @AfterEach
    void stopWhatIsLeft() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Process longRead() throws Exception {
        // The full profile measures the read workload for about a minute: time enough to interrupt it mid-measurement.
        return start("run.log", "run", "--profile", "full", "--workload", "read", "--host-mips", "1000", "--no-report",
                "--model", "none", "--results", results.toString(), "--target", target.toString());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "within " + DEADLINE_SECONDS + " s: " + what);
            Thread.sleep(50);
        }
    }

    private boolean readFileExists() {
        try (Stream<Path> files = Files.walk(target)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("read.dat"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // the fork is deleting its folder as we walk it
        }
    }

    /** True while a JVM of this test (the CLI or a JMH fork, which inherits its JVM options) is running. */
    private boolean ourJvmsRun() {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().map(c -> c.contains("-Djava.io.tmpdir=" + tmp)).orElse(false));
    }

    private static List<String> entries(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> left = Files.list(folder)) {
            return left.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String log(String name) throws java.io.IOException {
        return Files.readString(dir.resolve(name));
    }

    /** The log when it can be read whole (the run may be writing it), else empty. */
    private String logText(String name) {
        try {
            return log(name);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The run's output from the line that starts create-delete's 100-Kbyte fork (the harness's key=value label). */
    private String hundredKbFork() {
        String text = logText("run.log");
        int fork = text.indexOf("data=HUNDRED_KB");
        return fork < 0 ? "" : text.substring(fork);
    }

    /**
     * A run stopped by SIGTERM to its main process: it ends with the signal's status, after its fork, says so once, with
     * no clean-up error, no scratch files, no run folder and no JMH files but JMH's lock. (The line was missing in 1 run
     * of 4 when the main thread printed it: the JVM ended when the hooks did. A hook says it now.)
     */
    private void assertStoppedCleanly(Process run) throws Exception {
        assertTrue(run.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the run stops");
        assertFalse(ourJvmsRun(), "the fork stopped before the main process ended");
        String log = log("run.log");
        assertEquals(143, run.exitValue(), log); // SIGTERM's status: the stop, not a failure, ended it
        assertEquals(1, occurrences(log, STOPPED_EARLY), "said once: " + log);
        assertFalse(log.contains("could not clean up"), log);
        assertEquals(List.of(), entries(target), "no scratch files: " + log);
        assertEquals(List.of(), entries(results.resolve("runs")), "no half-written run folder");
        assertEquals(List.of("jmh.lock"), entries(tmp), "no JMH files");
    }

    private static final String STOPPED_EARLY = "asfast: run stopped by a signal (Ctrl-C or kill) before it finished; no run folder was written\n";

    private static int occurrences(String text, String line) {
        return text.split(java.util.regex.Pattern.quote(line), -1).length - 1;
    }

    private static void signal(String signal, String target) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", target).inheritIO().start().waitFor();
    }

    @Test
    void interruptedRunLeavesNothingBehind() throws Exception {
        Process run = longRead();
        await("the read workload created its file", () -> readFileExists() || !run.isAlive());
        assertTrue(readFileExists(), log("run.log"));
        Thread.sleep(1000); // into the measurement
        signal("TERM", "-" + run.pid()); // the whole group, as Ctrl-C
        assertTrue(run.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the run stops when interrupted");
        await("the fork's shutdown hook finishes", () -> !ourJvmsRun());
        assertEquals(List.of(), entries(target), "no scratch files: " + log("run.log"));
        assertEquals(List.of(), entries(results.resolve("runs")), "no half-written run folder");
    }

    @Test
    void stoppingTheMainProcessAloneStopsTheForkBeforeCleaningUp() throws Exception {
        // kill <pid of ./asfast run> left /tmp/asfast-run-* in 4 of 4 tries: the clean-up ran while the fork still wrote.
        Process run = longRead();
        await("the read workload created its file", () -> readFileExists() || !run.isAlive());
        assertTrue(readFileExists(), log("run.log"));
        signal("TERM", Long.toString(run.pid())); // the main process only
        assertStoppedCleanly(run);
    }

    @Test
    void stoppingTheMainProcessWhileCreateDeleteWritesLeavesNoErrorAndNoScratch() throws Exception {
        // 8150872: the main thread's clean-up began as soon as JMH saw the fork go, while the fork still created files,
        // and raced the shutdown hook's: "could not clean up" in 2 of 3 kills, the scratch folder left in 1.
        Process run = start("run.log", "run", "--workload", "create-delete", "--host-mips", "1000", "--no-report",
                "--model", "none", "--live", "none", "--results", results.toString(), "--target", target.toString());
        // Into the 100-Kbyte fork's measurement, where each operation writes and removes a file of its own.
        await("create-delete's 100-Kbyte fork begins its second measured iteration",
                () -> hundredKbFork().contains("\nIteration   2:") || !run.isAlive());
        assertTrue(run.isAlive(), () -> logText("run.log"));
        signal("TERM", Long.toString(run.pid())); // the main process only, as kill <pid> does
        assertStoppedCleanly(run);
        assertFalse(hundredKbFork().contains("\nIteration  16:"), "the signal came inside the 100-Kbyte fork's measurement");
    }

    @Test
    void theNextRunRemovesWhatARunKilledWithMinus9Left() throws Exception {
        Process run = longRead();
        await("the read workload created its file", () -> readFileExists() || !run.isAlive());
        assertTrue(readFileExists(), log("run.log"));
        signal("KILL", Long.toString(run.pid()));
        assertTrue(run.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));
        await("the orphaned fork notices and ends", () -> !ourJvmsRun());
        assertEquals(1, entries(target).size(), "the dead run's scratch folder: " + entries(target));
        assertEquals(1, entries(results.resolve("runs")).size(), "the dead run's unfinished folder");
        assertTrue(entries(tmp).stream().anyMatch(n -> n.matches("jmh\\d+[a-z]+")), "JMH's files of the dead run: " + entries(tmp));
        // A scratch folder of a running process is not the next run's to remove.
        Path alive = Files.createDirectories(target.resolve("asfast-run-" + ProcessHandle.current().pid() + "-1"));

        Process next = start("next.log", "run", "--platform", "none", "--model", "ds3100-sprite-local", "--what-if", "none", "--workload", "getpid",
                "--host-mips", "1000", "--no-report", "--results", results.toString(), "--target", target.toString());
        assertTrue(next.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, next.exitValue(), log("next.log"));
        assertEquals(List.of(alive.getFileName().toString()), entries(target), "only the live process's folder is left");
        List<String> runs = entries(results.resolve("runs"));
        assertEquals(1, runs.size(), "the next run, and nothing of the dead one: " + runs);
        assertFalse(runs.getFirst().startsWith("."), runs.toString());
        assertEquals(List.of("jmh.lock"), entries(tmp), "no JMH files of the dead run");
    }

    /** Kills the command at half and at 90% of the time it takes when left alone, and checks what is left each time. */
    private void interruptAtThreeTimes(String name, String[] args, Check check) throws Exception {
        long start = System.nanoTime();
        Process whole = start(name + ".log", args);
        assertTrue(whole.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, whole.exitValue(), log(name + ".log"));
        long nanos = System.nanoTime() - start;
        check.check(true);
        for (double fraction : new double[] {0.5, 0.9}) {
            check.reset();
            Process cut = start(name + "-cut.log", args);
            Thread.sleep((long) (nanos * fraction / 1e6));
            signal("TERM", Long.toString(cut.pid()));
            assertTrue(cut.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));
            check.check(cut.exitValue() == 0);
        }
    }

    interface Check {
        void reset() throws Exception;

        void check(boolean finished) throws Exception;
    }

    @Test
    void anInterruptedReportLeavesNoStagingFolderAndTheEarlierReport() throws Exception {
        // Ctrl-C during report left .report-* folders of up to 4 MB in the run folder.
        // The run without its report: the uninterrupted report below writes the earlier report the others must leave whole.
        Process first = start("first.log", "run", "--platform", "none", "--model", "ds3100-sprite-local", "--workload", "getpid", "--host-mips", "1000",
                "--no-report", "--results", results.toString(), "--target", target.toString());
        assertTrue(first.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), log("first.log"));
        Path run = results.resolve("runs").resolve(entries(results.resolve("runs")).getFirst());
        interruptAtThreeTimes("report", new String[] {"report", "--results", results.toString()}, new Check() {
            @Override
            public void reset() {
            }

            @Override
            public void check(boolean finished) throws Exception {
                assertTrue(entries(run).stream().noneMatch(n -> n.startsWith(".")), "no staging folder in the run: " + entries(run));
                assertEquals(List.of("baselines", "latest", "runs"), entries(results), "no staging folder in results/");
                assertTrue(Files.isRegularFile(run.resolve("report/index.html")), "a whole report, the earlier or the new one");
                assertTrue(Files.isRegularFile(results.resolve("latest/index.html")));
            }
        });
    }

    @Test
    void aRunInterruptedInItsReportPhaseLeavesNoRunOrAWholeOne() throws Exception {
        // Ctrl-C during the report phase of run left a finished run with no report/.
        interruptAtThreeTimes("run", new String[] {"run", "--platform", "none", "--model", "ds3100-sprite-local", "--workload", "getpid",
                "--host-mips", "1000", "--results", results.toString(), "--target", target.toString()}, new Check() {
            @Override
            public void reset() throws Exception {
                org.asfast.spi.FileTrees.delete(results.resolve("runs"));
                org.asfast.spi.FileTrees.delete(results.resolve("latest"));
            }

            @Override
            public void check(boolean finished) throws Exception {
                List<String> runs = entries(results.resolve("runs"));
                assertTrue(runs.size() <= 1 && runs.stream().noneMatch(n -> n.startsWith(".")), "no unfinished run: " + runs);
                String log = log(finished ? "run.log" : "run-cut.log");
                if (!finished) {
                    // The stop's one line says what it left, as the disk shows it; a signal in the instant after the command
                    // returned (a whole run, results/latest updated) gets none: the run's own last lines said it.
                    boolean whole = !runs.isEmpty() && Files.exists(results.resolve("latest"));
                    String expected = runs.isEmpty() ? STOPPED_EARLY
                            : "asfast: run stopped by a signal (Ctrl-C or kill) after " + (whole
                                    ? "it finished: the run is in " + results.resolve("runs").resolve(runs.getFirst()) + " and results/latest shows it\n"
                                    : "the run was written to " + results.resolve("runs").resolve(runs.getFirst()) + "; results/latest was not updated\n");
                    int said = occurrences(log, expected);
                    assertTrue(said == 1 || whole && said == 0 && !log.contains("stopped by a signal") && log.contains("asfast: report written to"),
                            "said once: " + log);
                }
                for (String id : runs) {
                    assertTrue(Files.isRegularFile(results.resolve("runs").resolve(id).resolve("report/index.html")), "a finished run has its report");
                    assertTrue(entries(results.resolve("runs").resolve(id)).containsAll(List.of(Run.ENVIRONMENT_FILE, Run.JMH_FILE, "report", "results.csv")),
                            "a whole run: " + entries(results.resolve("runs").resolve(id)));
                }
                assertTrue(!finished || !runs.isEmpty(), "a run that finished is there");
                assertTrue(entries(results).stream().noneMatch(n -> n.startsWith(".")), "no staging folder in results/: " + entries(results));
                assertEquals(List.of(), entries(target), "no scratch files");
            }
        });
    }
}
