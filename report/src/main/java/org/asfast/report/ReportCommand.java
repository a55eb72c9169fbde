package org.asfast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.asfast.spi.UserError;
import org.asfast.spi.UserFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Rebuilds the report from runs already on disk; never runs a benchmark. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild the report from existing runs: tables (CSV), report.json, charts (SVG, PNG) and index.html.",
                "With several --run options the runs are compared side by side."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--results", description = "The results directory (default: ${DEFAULT-VALUE})")
    Path results = Path.of("results");

    @Option(names = "--run", description = "A run id, a folder name under results/runs/ (repeat to compare runs; default: the newest run)")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--table", split = ",", description = "Only these Ousterhout tables, e.g. 2,3,9 (default: 2-10)")
    List<String> tables = new ArrayList<>();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        List<Run> runs = new ArrayList<>();
        for (String id : runIds.isEmpty() ? List.of(newestRun()) : runIds) {
            runs.add(Run.load(runFolder(results.resolve("runs"), id)));
        }
        ReportGenerator generator = ReportGenerator.forRuns(results, runs, baselines);
        if (!tables.isEmpty()) {
            generator.onlyTables(tables);
        }
        Path report = generator.writeAll();
        System.out.printf("asfast: report written to %s (and %s) in %.1f s%n", report.resolve("index.html"),
                results.resolve(ReportGenerator.LATEST), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private String newestRun() {
        Path runs = results.resolve("runs");
        try (Stream<Path> folders = Files.isDirectory(runs) ? Files.list(runs) : Stream.empty()) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new UserError("no runs in " + runs + "; run ./asfast verify first"));
        } catch (IOException e) {
            throw new UserError("cannot list " + runs + ": " + e.getMessage());
        }
    }

    /**
     * The folder of a run named with --run: a run id (a folder name in {@code runs}), or the path of
     * such a folder. Anything else (/etc, ../../x, a hidden unfinished run) is refused: the report is
     * written into the run's folder.
     */
    static Path runFolder(Path runs, String id) {
        Path dir;
        if (UserFiles.isPlainName(id)) {
            dir = runs.resolve(id);
        } else {
            Path given = Path.of(id);
            dir = given.getFileName() != null && UserFiles.isPlainName(given.getFileName().toString()) ? given : null;
        }
        try {
            if (dir != null && Files.isDirectory(dir) && Files.isSameFile(dir.toRealPath().getParent(), runs.toRealPath())) {
                return dir;
            }
        } catch (IOException e) {
            // not a run folder: refused below
        }
        throw new UserError("--run '" + id + "' is not a run in " + runs + "; give a run id, the name of a folder there");
    }

    /** Runs the report command alone: {@code java -cp ... org.asfast.report.ReportCommand --help}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command on its own, printing bad input as one line and exiting 2. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ReportCommand());
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("asfast report: " + oneLine(e.getMessage()) + "; see --help for the options");
            return 2;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("asfast report: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return line;
    }

    /** Picocli's message as one line, starting in lower case like asfast's own. */
    public static String oneLine(String message) {
        String line = message == null ? "bad option" : message.strip().lines().findFirst().orElse("bad option");
        return line.isEmpty() ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }
}
