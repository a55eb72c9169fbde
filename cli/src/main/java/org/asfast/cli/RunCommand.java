package org.asfast.cli;

import org.asfast.spi.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.asfast.host.HostMips;
import org.asfast.host.HostPlatform;
import org.asfast.host.TargetDirectory;
import org.asfast.report.AtomicFiles;
import org.asfast.report.Baselines;
import org.asfast.report.Measurement;
import org.asfast.report.Numbers;
import org.asfast.report.ReportGenerator;
import org.asfast.report.ResultsCsv;
import org.asfast.report.RmemFileService;
import org.asfast.report.XfsScaling;
import org.asfast.report.SimulatedCells;
import org.asfast.report.FaultPromises;
import org.asfast.nodes.Faults;
import org.asfast.report.Run;
import org.asfast.report.RunDerivation;
import org.asfast.report.Uninterrupted;
import org.asfast.report.Settling;
import org.asfast.spi.Platforms;
import org.asfast.spi.UserError;
import org.asfast.workloads.Bcopy;
import org.asfast.workloads.ReadFile;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the chosen workloads on the chosen platforms with JMH and writes a new run folder,
 * results/runs/&lt;id&gt;/: jmh.json, environment.json and results.csv; then the report.
 *
 * <p>Every input is checked before anything is written. The run is built in a hidden folder and
 * renamed into place only when complete, so an interrupted or failed run leaves no half-written
 * results and never touches an earlier run.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the benchmarks into results/runs/<id>/ and write the report.")
final class RunCommand implements Callable<Integer>, Main.StoppedBySignal {
    private static final String BENCHMARK_FAILED = "a benchmark failed; JMH printed its error above, and no run folder was written";
    /** The run's folder, once made, and its report, once drawn: what a stop says it left depends on them. */
    private volatile RunFolder folder;
    private volatile ReportGenerator.Rendered report;

    @Option(names = "--profile", defaultValue = "quick", description = "quick (16 iterations of 100 ms, about 2 minutes with the C loops and repeats) or full (3 forks of 10 s, about 15-20 minutes); a figure not settled to ±5%% gets more forks (default: ${DEFAULT-VALUE})")
    Profile profile;

    @Option(names = "--workload", split = ",", description = "Workloads to run, by their names in the registry, workloads/src/main/resources/org/asfast/workloads/workloads.csv (default: all; an unknown name lists them)")
    List<String> workloadNames = new ArrayList<>();

    @Option(names = "--platform", split = ",", description = "Platforms to run on: host (timed by JMH), none, or modelled names (run in virtual time) (default: host)")
    List<String> platformNames = new ArrayList<>(List.of("host"));

    @Option(names = "--target", description = "Directory for file workloads' scratch files; an NFS mount gives the paper's remote rows (default: the system temp dir)")
    Path target = Path.of(System.getProperty("java.io.tmpdir"));

    @Option(names = "--host-mips", description = "This computer's VAX MIPS rating, instead of measuring it with Dhrystone")
    String hostMips;

    @Option(names = "--results", description = "The results directory: baselines/ is read, runs/<id>/ is written (default: ${DEFAULT-VALUE})")
    Path results = Path.of("results");

    @Option(names = "--no-report", description = "Write the run folder but not the report")
    boolean noReport;

    @Option(names = "--model", split = ",", paramLabel = "PLATFORM",
            description = "Modelled 1990 platforms to run, in virtual time: all, none, or names from 'asfast model --list' (default: ${DEFAULT-VALUE})")
    List<String> model = new ArrayList<>(List.of("all"));

    @Option(names = "--what-if", split = ",", paramLabel = "PLATFORM@SCENARIO",
            description = "Modelled platforms with a what-if scenario applied (bundled: fast-disk, write-back, newer-sprite; or <scenario>.csv in --what-if-dir); none for no what-if (default: those of ds3100-sprite-local@fast-disk,ds3100-ultrix3.1-local@write-back,ds3100-sprite-local@newer-sprite whose row runs)")
    List<String> whatIf;

    @Option(names = "--live", split = ",", paramLabel = "PLATFORM",
            description = "Live systems whose cells of the registry (Douglis's RPCs, V's IPC and UIO) run, each in a fork with its server nodes, then the C UDP floor: all, none, or names such as amoeba-live (default: all when this computer runs, --platform host; only the selected workloads' cells)")
    List<String> live;

    @Option(names = "--what-if-dir", paramLabel = "DIR", description = "A directory of what-if files, <scenario>.csv, with rows subject,parameter,value,unit,source")
    Path whatIfDir;

    /** Room the run folder and its report need: jmh.json of a full run is a few MB, a report about 4 MB, twice while it is swapped in. */
    private static final long RESULTS_ROOM = 64L << 20;
    /** Scratch folders in the target, named with the process id of the run that made them. */
    static final java.util.regex.Pattern SCRATCH_LEFTOVER = java.util.regex.Pattern.compile("asfast-run-(?<pid>\\d+)-.*");

    @Override
    public Integer call() throws IOException {
        // Check everything the user gave us before writing anything.
        List<Workloads> workloads = Workloads.parse(workloadNames);
        List<String> modelNames = new ArrayList<>(model);
        List<String> real = new ArrayList<>();
        for (String name : platformNames) {
            if (name.isBlank() || name.equals("none")) {
                continue;
            }
            if (org.asfast.model.ModelRow.find(name) != null) {
                modelNames.add(name); // a modelled platform runs in virtual time, in the model pass
            } else {
                Platforms.requireKnown(name);
                real.add(name);
            }
        }
        platformNames = real;
        LivePass livePass = LivePass.select(workloads, live != null ? live : List.of(platformNames.contains("host") ? "all" : "none"), profile);
        ModelledSuite modelled = ModelledSuite.select(modelNames, whatIf == null ? ModelledSuite.DEFAULT_WHAT_IFS : whatIf, whatIfDir, whatIf != null);
        if (platformNames.isEmpty() && modelled.isEmpty() && livePass.isEmpty() && !livePass.fullProfileOnly().isEmpty()) {
            throw new UserError("the selected live cells (" + livePass.fullProfileOnly().stream().map(c -> c.get("workload") + " on " + c.get("platform")).distinct()
                    .collect(java.util.stream.Collectors.joining(", ")) + ") run in the full profile only, their single shots taking longer than the quick job has: add --profile full");
        }
        if (platformNames.isEmpty() && modelled.isEmpty() && livePass.isEmpty()) {
            throw new UserError("nothing to run: no platform (--platform), modelled row (--model), what-if (--what-if) or live cell (--live) is selected; "
                    + "leave the options out to run everything, or name one, e.g. --platform host");
        }
        Path realTarget = TargetDirectory.check(target);
        HostMips mips = hostMips == null ? null : HostMips.given(hostMips);
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        TargetDirectory.requireFreeSpace(realTarget, requiredSpace(workloads), "the selected workloads");
        if (platformNames.contains("host")) {
            requireMemory(workloads);
        }
        AtomicFiles.requireWritable(results.resolve("runs"), RESULTS_ROOM, "the run");
        if (!noReport) {
            ReportGenerator.requireRoom(results);
        }

        // What runs killed with -9 left: only theirs, told by the process id in each name.
        FileTrees.deleteLeftovers(realTarget, SCRATCH_LEFTOVER);
        JmhLeftovers.deleteIfIdle();
        RunFolder folder = RunFolder.create(results.resolve("runs"));
        this.folder = folder;
        Path scratchRoot = Files.createTempDirectory(realTarget, "asfast-run-" + FileTrees.ownerId() + "-");
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread cleanup = new Thread(() -> {
            // Ctrl-C or kill: wait for a step on disk to end, stop the benchmark JVMs, then remove what they wrote.
            stopping.set(true);
            Uninterrupted.stop();
            stopChildProcesses();
            cleanUp(folder, scratchRoot);
        }, "asfast-run-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            PrintStream out = System.out;
            Instant started = Instant.now();
            if (mips == null) {
                out.println("asfast: measuring host MIPS with Dhrystone 2.1 ...");
                Path mipsScratch = Files.createDirectory(scratchRoot.resolve("mips"));
                mips = HostMips.measure(mipsScratch);
                FileTrees.delete(mipsScratch);
            }
            out.printf("asfast: host rated %.0f VAX MIPS (%s)%n", mips.mips(), mips.method());
            if (mips.c() != null || mips.cMissing() != null) {
                out.println("asfast: " + MipsCommand.cLine(mips));
            }
            List<RunResult> jmh = new ArrayList<>();
            List<NotAvailable> notAvailable = new ArrayList<>();
            Map<String, Object> cColumn = null;
            if (!platformNames.isEmpty()) {
                ForkSampler.Shape forkShape;
                try (ForkSampler sampler = ForkSampler.start()) {
                    jmh.addAll(runJmh(workloads, scratchRoot, notAvailable));
                    forkShape = sampler.shape();
                }
                List<String> cWorkloads = CColumn.cWorkloads(workloads);
                if (platformNames.contains("host") && !cWorkloads.isEmpty()) {
                    cColumn = CColumn.measure(cWorkloads, scratchRoot, profile, RunEnvironment.workloadParameters(), forkShape, out);
                }
            }
            Map<String, Object> liveFloor = null;
            livePass.fullProfileOnly().forEach(c -> out.println("asfast: " + c.get("workload") + " on " + c.get("platform")
                    + " runs in the full profile only (single shots): the report says so"));
            if (!livePass.isEmpty()) {
                long liveStart = System.nanoTime();
                List<RunResult> liveResults = livePass.run(scratchRoot, notAvailable, out);
                liveFloor = liveResults.isEmpty() ? null : livePass.floor(scratchRoot, out);
                jmh.addAll(liveResults);
                out.printf("asfast: ran the live systems' cells and their floor in %.1f s%n", (System.nanoTime() - liveStart) / 1e9);
            }
            if (!modelled.isEmpty()) {
                long modelStart = System.nanoTime();
                List<RunResult> model = modelled.run(workloads);
                out.printf("asfast: ran %d modelled benchmarks in virtual time in %.1f s%n", model.size(), (System.nanoTime() - modelStart) / 1e9);
                jmh.addAll(model);
            }
            if (jmh.isEmpty() && notAvailable.isEmpty() && livePass.fullProfileOnly().isEmpty()) {
                throw new UserError("the selected workloads run on none of the selected platforms (remote rows run only open-close, create-delete and andrew); "
                        + "choose other workloads or platforms");
            }
            Map<String, Object> environment = RunEnvironment.describe(folder.id(), profile.name().toLowerCase(java.util.Locale.ROOT),
                    started, realTarget, mips);
            List<String> ran = new ArrayList<>(platformNames);
            livePass.platforms().stream().filter(p -> !ran.contains(p)).forEach(ran::add);
            environment.put("platforms", RunEnvironment.platforms(ran, modelled.names()));
            environment.put("notAvailable", notAvailable.stream().map(NotAvailable::json).toList());
            environment.put("fullProfileOnly", livePass.fullProfileOnly());
            environment.put("liveFloor", liveFloor);
            environment.put("model", modelled.isEmpty() ? null : modelled.describe());
            // Each file is worked out first and then written as one step of the run folder's (RunFolder.write).
            folder.write(dir -> AtomicFiles.writeBytes(dir.resolve(Run.JMH_FILE), stream -> {
                PrintStream print = new PrintStream(stream, false, java.nio.charset.StandardCharsets.UTF_8);
                ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(jmh);
                print.flush();
            }));
            folder.write(dir -> RunEnvironment.write(dir.resolve(Run.ENVIRONMENT_FILE), environment));
            if (!modelled.isEmpty()) { // the simulated systems run on the modelled machines: deterministic, in under a second
                List<SimulatedCells.Cell> simulatedCells = SimulatedPapers.simulatedCells(baselines);
                folder.write(dir -> SimulatedCells.write(dir.resolve(SimulatedCells.FILE), simulatedCells));
                // Thekkath's file service alone and with 1 to 1000 clients: virtual time, a few seconds of this computer's
                List<RmemFileService.FigureRow> figures = RmemCommand.figures();
                folder.write(dir -> RmemFileService.writeFigures(dir.resolve(RmemFileService.FIGURES_FILE), figures));
                List<RmemFileService.Row> rmemScale = RmemCommand.scale(RmemCommand.RUN_CLIENTS, RmemCommand.RUN_OPERATIONS, row -> {
                });
                folder.write(dir -> RmemFileService.write(dir.resolve(RmemFileService.FILE), rmemScale));
                // xFS against a central server with 1 to 1000 clients, for the report's scaling charts
                long xfsStart = System.nanoTime();
                List<XfsScaling.Row> xfsScale = XfsCommand.scale(XfsCommand.RUN_CLIENTS, XfsCommand.SYSTEMS, row -> {
                });
                folder.write(dir -> XfsScaling.write(dir.resolve(XfsScaling.FILE), xfsScale));
                out.printf("asfast: ran xFS and a central server with 1 to 1000 simulated clients in %.1f s%n", (System.nanoTime() - xfsStart) / 1e9);
                // Amoeba's and Sprite's promises under crashes, each a measured figure beside its bound
                long promisesStart = System.nanoTime();
                List<FaultPromises.Row> promises = CrashPromises.measure(Faults.parse(CrashPromises.RUN_FAULTS));
                folder.write(dir -> FaultPromises.write(dir.resolve(FaultPromises.FILE), promises));
                out.printf("asfast: measured Amoeba's and Sprite's promises under crashes (simulated, %s) in %.1f s%n", CrashPromises.RUN_FAULTS,
                        (System.nanoTime() - promisesStart) / 1e9);
                promises.forEach(p -> out.println("asfast:   " + p.summary()));
            }
            if (cColumn != null) {
                Map<String, Object> c = cColumn;
                folder.write(dir -> RunEnvironment.write(dir.resolve(Run.CBENCH_FILE), c));
            }
            Run run = Run.load(folder.incomplete());
            List<Measurement> cells = RunDerivation.measurements(run, baselines);
            folder.write(dir -> ResultsCsv.write(dir.resolve(ResultsCsv.FILE), cells, run::kindOf));
            printSummary(out, cells);
            // The report is drawn in memory, written into the unfinished run and moved into place with it in one
            // step: an interrupted run leaves no run at all, never one without its report.
            ReportGenerator.Rendered report = noReport ? null : ReportGenerator.forRuns(results, List.of(run), baselines).render();
            this.report = report;
            Path finished = folder.complete(report == null ? null : () -> report.writeInto(folder.incomplete()));
            out.println("asfast: run written to " + finished);
            if (report != null) {
                report.publishLatest();
                out.println("asfast: report written to " + finished.resolve("report").resolve("index.html"));
            }
            return 0;
        } finally {
            // Stopped by a signal, the hook cleans up once the forks have stopped: the main thread gets here as soon as JMH
            // sees its fork go, while the fork's benchmark may still be creating files, and a removal then fails.
            if (!stopping.get()) {
                cleanUp(folder, scratchRoot);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
    }

    /**
     * Best effort, also from the shutdown hook: a failure here must not hide the run's own error. One at a time: a signal
     * that comes while the main thread cleans up starts the hook's clean-up too, and two removals of one tree trip over
     * each other's deletions (a killed run left its scratch folder so once in three tries).
     */
    private static synchronized void cleanUp(RunFolder folder, Path scratchRoot) {
        try {
            org.asfast.host.CCompiler.Running.stopAll(); // before its scratch files go: it removes its own
            folder.discardIfIncomplete();
            FileTrees.delete(scratchRoot);
        } catch (RuntimeException e) {
            System.err.println("asfast: could not clean up: " + e.getMessage());
        }
    }

    /**
     * Stops the JMH fork (and anything it started) before the scratch folder it writes in is removed:
     * SIGTERM first, so that the fork's own shutdown hook removes its files, then SIGKILL for any
     * process still there after 20 s. Called only from the shutdown hook: in the normal course JMH
     * has waited for its forks.
     */
    private static void stopChildProcesses() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle child : children) {
            waitFor(child, deadline);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        long killDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle child : children) {
            waitFor(child, killDeadline);
        }
    }

    private static void waitFor(ProcessHandle process, long deadline) {
        try {
            process.onExit().get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // still running: the caller kills it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A benchmark failed in its JMH fork; JMH has already printed the fork's error. */
    static final class BenchmarkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchmarkFailed(String message) {
            super(message);
        }
    }

    private static long requiredSpace(List<Workloads> workloads) {
        long bytes = 16L << 20;
        if (workloads.stream().anyMatch(w -> w.userName().equals("read"))) {
            bytes += ReadFile.fileBytes(org.asfast.host.CacheTopology.sizes().lastLevel());
        }
        if (workloads.stream().anyMatch(w -> w.userName().equals("andrew"))) {
            bytes += 256L << 20;
        }
        return bytes;
    }

    /** The host's memory for bcopy's uncached case, whose block is four times the last-level cache (a virtual machine's processor may report its whole socket's). */
    private static void requireMemory(List<Workloads> workloads) {
        if (workloads.stream().anyMatch(w -> w.userName().equals("bcopy"))) {
            org.asfast.host.HostEnvironment.requireAvailableMemory(2 * Bcopy.blockBytes(org.asfast.host.CacheTopology.sizes(), Bcopy.Case.UNCACHED),
                    "bcopy's uncached case (a source and a destination of four times the last-level cache each)",
                    "free some memory, or leave bcopy out: --workload " + Workloads.all().stream().map(Workloads::userName)
                            .filter(name -> !name.equals("bcopy")).distinct().collect(java.util.stream.Collectors.joining(",")));
        }
    }

    /**
     * Each workload on each platform in a JMH run of its own (timed ones first, then single-shot ones), so that a
     * platform lacking a capability a workload needs makes that workload's cells "n/a" and the run goes on.
     */
    private Collection<RunResult> runJmh(List<Workloads> workloads, Path scratchRoot, List<NotAvailable> notAvailable) {
        List<RunResult> all = new ArrayList<>();
        List<Workloads> everywhere = workloads.stream().filter(Workloads::runsEverywhere).toList();
        List<Workloads> ordered = new ArrayList<>(everywhere.stream().filter(w -> !w.singleShot()).toList());
        ordered.addAll(everywhere.stream().filter(Workloads::singleShot).toList());
        List<Long> forkEnded = new ArrayList<>(); // when each of all's figures' last fork ended
        long hostStarted = System.nanoTime();
        Progress progress = new Progress(System.out, Progress.count(everywhere.stream().map(Workloads::includePattern).toList(), platformNames),
                expectedNanosPerBenchmark(), System::nanoTime);
        try {
            for (Workloads w : ordered) {
                writeBackDirtyData();
                for (String platform : platformNames) {
                    ChainedOptionsBuilder options = baseOptions(scratchRoot).forks(profile.forks).param("platform", platform);
                    try {
                        all.addAll(new Runner(w.singleShot() ? singleShotOptions(options, List.of(w), scratchRoot) : timedOptions(options, List.of(w)), progress).run());
                        while (forkEnded.size() < all.size()) { // the repeats' spacing counts from here (at the latest: a workload's figures run in turn)
                            forkEnded.add(System.nanoTime());
                        }
                    } catch (RunnerException e) {
                        NotAvailable missing = NotAvailable.of(e, w.userName(), platform).orElseThrow(() -> e);
                        System.out.println("asfast: " + platform + " has no " + missing.capability() + ": " + w.userName() + " is n/a there");
                        notAvailable.add(missing);
                    }
                }
            }
            all = repeatUnsettled(all, forkEnded.stream().mapToLong(Long::longValue).toArray(), repeatNanos(hostStarted, System.nanoTime()), scratchRoot, progress);
        } catch (RunnerException e) {
            throw failure(e, BENCHMARK_FAILED);
        } catch (RepeatFailed e) {
            throw failure((RunnerException) e.getCause(), BENCHMARK_FAILED);
        }
        return all;
    }

    /**
     * sync(1) before each workload, so that none pays for the write-back of what ran before it: the build's and the
     * earlier workloads' files, and on a file system mounted with discard, the trims of their deletes. A quick run
     * straight after the tests once measured create-delete at 0.115 ms (±51%); the next run, at 0.016 ms (±0.9%).
     */
    private static void writeBackDirtyData() {
        try {
            new ProcessBuilder("sync").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (java.io.IOException e) {
            // no sync(1) on the PATH: the figures are still valid, only more exposed to write-back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a signal that stops this run says (from {@link Main}'s notice, when no step on disk is running). */
    @Override
    public String stoppedBySignal() {
        RunFolder f = folder;
        ReportGenerator.Rendered r = report;
        return stoppedBySignal(f == null ? null : f.completedAt(), r != null && r.publishedLatest());
    }

    /**
     * A run stopped before its folder was completed left nothing (the clean-up hooks removed the unfinished folder); one
     * stopped after it, while results/latest was being replaced (a step the stop refuses), is whole where it was written;
     * one stopped after that had only its last lines to print.
     */
    static String stoppedBySignal(Path written, boolean publishedLatest) {
        String stopped = "run stopped by a signal (Ctrl-C or kill) ";
        if (written == null) {
            return stopped + "before it finished; no run folder was written";
        }
        return publishedLatest ? stopped + "after it finished: the run is in " + written + " and results/latest shows it"
                : stopped + "after the run was written to " + written + "; results/latest was not updated";
    }

    /** The error for a JMH run that failed: another run holding JMH's lock is the user's to wait for. */
    static RuntimeException failure(RunnerException e, String otherwise) {
        if (String.valueOf(e.getMessage()).contains("Unable to acquire the JMH lock")) {
            return new UserError("another benchmark run holds JMH's lock (" + System.getProperty("java.io.tmpdir")
                    + "/jmh.lock); wait for it to finish, since two runs at once disturb each other's figures");
        }
        return new BenchmarkFailed(otherwise);
    }

    /** Until one benchmark has finished: the profile's iterations in each fork, and a second to start the fork's JVM. */
    private long expectedNanosPerBenchmark() {
        long perFork = (long) profile.warmupIterations * profile.warmupMillis + (long) profile.measurementIterations * profile.measurementMillis + 1000;
        return profile.forks * perFork * 1_000_000L;
    }

    private org.openjdk.jmh.runner.options.Options timedOptions(ChainedOptionsBuilder options, List<Workloads> workloads) {
        workloads.forEach(w -> options.include(w.includePattern()));
        return options.warmupIterations(profile.warmupIterations).warmupTime(TimeValue.milliseconds(profile.warmupMillis))
                .measurementIterations(profile.measurementIterations).measurementTime(TimeValue.milliseconds(profile.measurementMillis))
                .build();
    }

    private org.openjdk.jmh.runner.options.Options singleShotOptions(ChainedOptionsBuilder options, List<Workloads> workloads, Path scratchRoot) {
        workloads.forEach(w -> options.include(w.includePattern()));
        return singleShot(options, scratchRoot).warmupIterations(profile.singleShotWarmups)
                .measurementIterations(profile.singleShotMeasurements).build();
    }

    /** The JVM of a single-shot fork (Andrew's), wherever its platform: the compile phase runs the same javac on the same JIT everywhere. */
    static ChainedOptionsBuilder singleShot(ChainedOptionsBuilder options, Path scratchRoot) {
        // A collection between single shots (JMH's -gc), outside the timed compile, and a young generation that one compile's garbage
        // fits in (512 MB, about four compiles'): javac allocates about 110 MB a compile, so one in two compiles otherwise paid for a young
        // collection of 15-17 ms (7% of a 250 ms compile) as chance had it. A fixed heap, or G1 would shrink it after each collection.
        return options.jvmArgsAppend(jvmArgs(scratchRoot, SINGLE_SHOT_JIT, List.of("-Xms1g", "-Xmx1g", "-Xmn512m"))).shouldDoGC(true);
    }

    /** The time for repeats: the profile's, or what is left of the host benchmarks' time if that is less. */
    long repeatNanos(long hostStarted, long now) {
        long repeat = profile.repeatSeconds * 1_000_000_000L;
        return profile.hostSeconds == 0 ? repeat : Math.max(0, Math.min(repeat, hostStarted + profile.hostSeconds * 1_000_000_000L - now));
    }

    /** {@link Repetition#repeatUnsettled} with JMH's forks, the real clock and the profile's forks and the time for repeats. */
    private List<RunResult> repeatUnsettled(List<RunResult> results, long[] lastForkEnded, long repeatNanos, Path scratchRoot, Progress progress) {
        return Repetition.repeatUnsettled(results, lastForkEnded, profile.forks, profile.maxForks, repeatNanos,
                new Repetition.Forks<>() {
                    @Override
                    public long nanoTime() {
                        return System.nanoTime();
                    }

                    @Override
                    public void pause(long nanos) {
                        RunCommand.pause(nanos);
                    }

                    @Override
                    public RunResult oneMore(RunResult first) {
                        ChainedOptionsBuilder options = baseOptions(scratchRoot).forks(1)
                                .include("^" + java.util.regex.Pattern.quote(first.getParams().getBenchmark()) + "$");
                        for (String key : first.getParams().getParamsKeys()) {
                            options.param(key, first.getParams().getParam(key));
                        }
                        writeBackDirtyData(); // as before each workload: a repeated create-delete fork right after Andrew's took 0.103 ms, not 0.015
                        boolean singleShot = first.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime;
                        try {
                            return Repetition.pooled(first, new Runner(singleShot ? singleShotOptions(options, List.of(), scratchRoot)
                                    : timedOptions(options, List.of()), progress).runSingle());
                        } catch (RunnerException e) {
                            throw new RepeatFailed(e);
                        }
                    }

                    @Override
                    public Repetition.Summary summary(RunResult figure) {
                        return Repetition.summary(figure);
                    }

                    @Override
                    public long lastForkNanos(RunResult figure) {
                        return progress.lastForkNanos(figure.getParams().id());
                    }

                    @Override
                    public String name(RunResult figure) {
                        String params = Repetition.paramsOf(figure);
                        return figure.getParams().getBenchmark() + (params.isEmpty() ? "" : " " + params);
                    }

                    @Override
                    public void say(String line) {
                        System.out.println(line);
                    }
                });
    }

    /** A repeated fork's failure, carried out of {@link Repetition.Forks#oneMore} to be thrown as the run's. */
    private static final class RepeatFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RepeatFailed(RunnerException cause) {
            super(cause);
        }
    }

    /** Sleeps; nothing in asfast interrupts the main thread, so an interrupt is a failure of the run, not a signal to go on. */
    private static void pause(long nanos) {
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to repeat a fork", e);
        }
    }

    /** JMH's options for this run, without the platform parameter (a repeated fork names its own). */
    static ChainedOptionsBuilder baseOptions(Path scratchRoot) {
        return new OptionsBuilder()
                .shouldFailOnError(true)
                .timeout(TimeValue.minutes(10))
                .jvmArgsAppend(jvmArgs(scratchRoot, List.of()));
    }

    /**
     * The single-shot forks (Andrew) run C1 only. Under C2, javac in process is a different program in every fork, as the
     * JIT compiles different methods: on a quiet 2-core machine eight JVMs averaged 199 to 353 ms a compile of the Andrew
     * tree (15 measured after 15 warm-up). With C1 alone it is the same machine code each time, as the paper's cc binary
     * was: 345 to 370 ms over four. The host's compile is slower for it, and every run names the flags in jmh.json.
     * <p>
     * C1's thresholds are scaled down twentyfold (a method is compiled after about 10 calls, not 200), because at the
     * default ones javac's per-file and per-compile methods reach them only over many compiles: the quiet main jobs of
     * 983566c and e7b9be8 compiled in 900, 380, 320 ... ms and came down to their steady 250 ms only after 12 to 22 compiles,
     * a different number in each fork, so the measured compiles of a fork that warmed late sat on the slope (fork means
     * 250 against 330 ms) and no run of the quick profile settled. Scaled, C1 compiles what a compile uses in its first
     * compile or two.
     */
    static final List<String> SINGLE_SHOT_JIT = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.05");

    @SafeVarargs
    private static String[] jvmArgs(Path scratchRoot, List<String>... extra) {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dasfast.target=" + scratchRoot, "-D" + HostPlatform.SCRATCH_KEPT_FOR_THE_RUN + "=true")); // the run removes scratchRoot
        for (List<String> flags : extra) {
            args.addAll(flags);
        }
        return args.toArray(String[]::new);
    }

    private static void printSummary(PrintStream out, List<Measurement> cells) {
        out.println();
        out.printf("%-20s %-34s %-28s %12s %-14s %s%n", "table", "row", "column", "value", "unit", "99.9% CI");
        List<Measurement> sorted = cells.stream().sorted(org.asfast.report.TableIds.byPaperAndTable(Measurement::paper, Measurement::table)
                .thenComparing(m -> m.row().toString())).toList();
        for (Measurement m : sorted) {
            String ci = m.hasInterval() ? "[" + Numbers.readable(m.low()) + ", " + Numbers.readable(m.high()) + "]" : m.origin();
            if (Settling.judged(m)) {
                double half = Settling.relativeHalfWidth(m.value(), m.low(), m.high());
                ci += Double.isFinite(half) ? String.format(" ±%.1f%%", 100 * half) : "";
                ci += Settling.settled(m) ? "" : " " + Settling.MARK;
            }
            out.printf("%-20s %-34s %-28s %12s %-14s %s%n", m.paper() + " " + m.table(), m.row(), m.column(), Numbers.readable(m.value()), m.unit(), ci);
        }
        if (cells.stream().anyMatch(m -> !Settling.settled(m))) {
            out.println(Settling.legend());
        }
        out.println();
    }
}
