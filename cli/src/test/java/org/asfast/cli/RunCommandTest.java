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
import org.asfast.report.Run;
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
    void quickRepeatsGetTheirTimeOrWhatIsLeftOfTheHostBenchmarksTimeAndFullHasNoSuchLimit() {
        long s = 1_000_000_000L;
        RunCommand run = new RunCommand();
        run.profile = Profile.QUICK;
        assertEquals(45 * s, run.repeatNanos(0, 60 * s), "first forks done at 60 s of 135: the profile's 45 s");
        assertEquals(15 * s, run.repeatNanos(0, 120 * s), "done at 120 s: the 15 s left");
        assertEquals(0, run.repeatNanos(0, 200 * s), "past it: none");
        run.profile = Profile.FULL;
        assertEquals(300 * s, run.repeatNanos(0, 2000 * s));
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
        refused(run("--host-mips", "-3"), "from 0.01 to 10000000");
        // 1e-320 passed, wrote the run, and every later report failed until that run was deleted.
        refused(run("--host-mips", "1e-320", "--workload", "getpid", "--model", "none", "--what-if", "none"), "from 0.01 to 10000000");
    }

    @Test
    void anEmptyRunIsRefused() throws Exception {
        refused(run("--platform", "none", "--model", "none", "--what-if", "none", "--host-mips", "1000"), "nothing to run");
        // --model none dropped the modelled rows but still ran the three default what-if rows.
        refused(run("--platform", "none", "--model", "none", "--host-mips", "1000"), "nothing to run");
        refused(run("--platform", "none", "--model", "none", "--what-if", "none", "--workload", "andrew", "--live", "sprite-cache-live", "--host-mips", "1000"),
                "the selected live cells (andrew on sprite-cache-live) run in the full profile only, their single shots taking longer than the quick job has: add --profile full");
    }

    @Test
    void theDefaultWhatIfsRunOnlyBesideTheirOwnRow() {
        assertTrue(ModelledSuite.select(List.of("none"), ModelledSuite.DEFAULT_WHAT_IFS, null, false).isEmpty());
        assertEquals(List.of("ds3100-sprite-local", "ds3100-sprite-local@fast-disk", "ds3100-sprite-local@newer-sprite"),
                ModelledSuite.select(List.of("ds3100-sprite-local"), ModelledSuite.DEFAULT_WHAT_IFS, null, false).names());
        assertEquals(List.of("ds3100-ultrix3.1-local@write-back"),
                ModelledSuite.select(List.of("none"), List.of("ds3100-ultrix3.1-local@write-back"), null, true).names(), "a what-if asked for runs");
    }

    @Test
    void badWhatIfsAreRefusedBeforeAnyWork() throws Exception {
        refused(run("--what-if", "ds3100-sprite-local@"), "names no what-if scenario after '@'");
        Path whatIfs = Files.createDirectories(dir.resolve("results/what-ifs"));
        Files.writeString(results.resolve("evil.csv"), "subject,parameter,value,unit,source\nDS3100,disk_rotation_ms,8,ms,x\n");
        refused(run("--what-if", "ds3100-sprite-local@../evil", "--what-if-dir", whatIfs.toString()), "is not a plain name");
        Files.writeString(whatIfs.resolve("huge.csv"), "subject,parameter,value,unit,source\nDS3100,disk_rotation_ms,1e300,ms,x\n");
        refused(run("--what-if", "ds3100-ultrix3.1-local@huge", "--what-if-dir", whatIfs.toString()), "huge.csv line 2: 'disk_rotation_ms' takes 0 or a number");
        Files.writeString(whatIfs.resolve("zero.csv"), "subject,parameter,value,unit,source\nDS3100,mips,0,MIPS,x\n");
        refused(run("--what-if", "ds3100-ultrix3.1-local@zero", "--what-if-dir", whatIfs.toString()), "the what-if ds3100-ultrix3.1-local@zero makes the model fail");
        refused(run("--what-if", "ds3100-sprite-local@missing", "--what-if-dir", whatIfs.toString()), "in the directory given by --what-if-dir");
        Files.delete(results.resolve("evil.csv"));
        org.asfast.spi.FileTrees.delete(whatIfs);
    }

    @Test
    void anUnknownOptionIsOneLineThatPointsToHelp() throws Exception {
        refused(run("--bogus"), "unknown option: '--bogus'; see 'asfast run --help' for the options");
    }

    @Test
    void resultsWithoutRoomAreRefusedBeforeAnyWork() throws Exception {
        Files.writeString(results.resolve("runs"), "a file where the runs folder goes");
        Outcome outcome = run("--platform", "none", "--model", "ds3100-sprite-local", "--workload", "getpid", "--host-mips", "1000");
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("cannot write the run to " + results.resolve("runs") + ": " + results.resolve("runs") + " is not a folder"), outcome.err());
        assertEquals("a file where the runs folder goes", Files.readString(results.resolve("runs")));
        Files.delete(results.resolve("runs"));
    }

    @Test
    void aNewRunRemovesOnlyWhatDeadRunsLeft() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        assertTrue(finished.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path dead = Files.createDirectories(runs.resolve(".20260101T000000Z." + finished.pid() + ".incomplete"));
        Files.writeString(dead.resolve(Run.JMH_FILE), "[");
        Path alive = Files.createDirectories(runs.resolve(".20260101T000001Z." + ProcessHandle.current().pid() + ".incomplete"));
        RunFolder folder = RunFolder.create(runs);
        assertFalse(Files.exists(dead), "a dead run's folder is removed");
        assertTrue(Files.exists(alive), "a running one's is not");
        assertTrue(folder.incomplete().getFileName().toString().endsWith("." + ProcessHandle.current().pid() + ".incomplete"));
        folder.discardIfIncomplete();
    }

    @Test
    void aPlatformWithoutACapabilityGivesNaCellsInsteadOfAbortingTheRun() throws Exception {
        // amoeba-live has transactions only: getpid (KernelEntry) and select (Pipes) are n/a there, and the run goes on to write both
        Outcome outcome = run("--platform", "amoeba-live", "--model", "none", "--what-if", "none", "--workload", "getpid,select", "--host-mips", "1000", "--no-report");
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path runDir;
        try (Stream<Path> runs = Files.list(results.resolve("runs"))) {
            runDir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<String> rows = Files.readAllLines(runDir.resolve("results.csv"));
        assertTrue(rows.contains("ousterhout1990,2,amoeba-live,,,Time,us,n/a,,,n/a,live,amoeba-live has no KernelEntry"), String.join("\n", rows));
        assertEquals(3, rows.stream().filter(r -> r.startsWith("ousterhout1990,4,amoeba-live,") && r.contains(",n/a,live,amoeba-live has no Pipes")).count(), String.join("\n", rows));
        assertEquals(5, rows.size(), "the header and the four n/a cells: " + rows);
        String environment = Files.readString(runDir.resolve(Run.ENVIRONMENT_FILE));
        assertTrue(environment.contains("\"capability\" : \"KernelEntry\"") && environment.contains("\"capability\" : \"Pipes\""), environment);
    }

    @Test
    void aRunWithTheModelledMachinesMeasuresEachSystemsCrashPromises() throws Exception {
        Outcome outcome = run("--platform", "none", "--model", "ds3100-sprite-local", "--what-if", "none", "--workload", "getpid", "--host-mips", "1000",
                "--no-report");
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path runDir;
        try (Stream<Path> runs = Files.list(results.resolve("runs"))) {
            runDir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<org.asfast.report.FaultPromises.Row> promises = org.asfast.report.FaultPromises.read(runDir);
        assertEquals(List.of("Sprite", "Sprite", "Amoeba", "Amoeba"), promises.stream().map(org.asfast.report.FaultPromises.Row::system).toList());
        assertTrue(promises.stream().allMatch(p -> p.kept() && p.faults().equals(org.asfast.nodes.Faults.parse(CrashPromises.RUN_FAULTS).toString())), promises.toString());
        org.asfast.report.FaultPromises.Row client = promises.get(0);
        assertEquals(90, client.acknowledged());
        // the last 30 s of writes, lost as promised, against the bound fixed from the parameters: 30 s and a fragmented RPC's 7.5 s of resends
        assertEquals(37.5, client.bound(), 0, client.toString());
        assertTrue(client.lost() > 0 && client.measured() > 29 && client.measured() <= 37.5, client.toString());
        assertEquals(List.of(0, 0, 0), promises.subList(1, 4).stream().map(org.asfast.report.FaultPromises.Row::lost).toList());
    }

    @Test
    void aLiveSystemWithoutAKernelCallGivesNaInItsTextCellAndTheRunGoesOn() throws Exception {
        // the full profile's live cell of Douglis's minimum kernel call: sprite-live's kernel is a user process, with no KernelEntry; no floor is run for nothing
        Outcome outcome = run("--platform", "none", "--model", "none", "--what-if", "none", "--live", "sprite-live", "--workload", "getpid",
                "--profile", "full", "--host-mips", "1000", "--no-report");
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path runDir;
        try (Stream<Path> runs = Files.list(results.resolve("runs"))) {
            runDir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<String> rows = Files.readAllLines(runDir.resolve("results.csv"));
        assertEquals(List.of(
                "ousterhout1990,2,sprite-live,,,Time,us,n/a,,,n/a,live,sprite-live has no KernelEntry",
                "douglis1991,text,sprite-live,Sprite,,minimum kernel call,us,n/a,,,n/a,live,sprite-live has no KernelEntry"),
                rows.subList(1, rows.size()));
        assertFalse(Files.readString(runDir.resolve(Run.ENVIRONMENT_FILE)).contains("udp_pingpong"), "no live cell ran, so no floor");
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
        Process holder = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
                JmhLockHolder.class.getName()).start();
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
