package org.asfast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.asfast.spi.UserError;

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

    @Option(names = "--run", description = "A run id under results/runs/ (repeat to compare runs; default: the newest run)")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--table", split = ",", description = "Only these Ousterhout tables, e.g. 2,3,9 (default: 2-10)")
    List<String> tables = new ArrayList<>();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        List<Run> runs = new ArrayList<>();
        for (String id : runIds.isEmpty() ? List.of(newestRun()) : runIds) {
            runs.add(Run.load(results.resolve("runs").resolve(id)));
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

    /** Runs the report command alone: {@code java -cp ... org.asfast.report.ReportCommand --help}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command on its own, printing bad input as one line and exiting 2. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ReportCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("asfast report: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return line;
    }
}
