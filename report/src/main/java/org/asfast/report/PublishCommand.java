package org.asfast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.asfast.spi.UserError;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a static site of several runs: their index, each run's report and a comparison page. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Write a static site of runs into DIR: index.html (the runs), compare.html (every run side by side in each paper table,",
                "with ratios to the first run and verdicts from the 99.9% intervals) and each run's report. Relative links only: it opens",
                "from file:// or any static web server. DIR must be new, empty or an earlier site; it is replaced whole."})
public final class PublishCommand implements Callable<Integer> {

    @Option(names = "--results", description = "The results directory (default: ${DEFAULT-VALUE})")
    Path results = Path.of("results");

    @Option(names = "--run", paramLabel = "ID|FOLDER",
            description = "A run id under results/runs/, or a run folder; repeat for several. The first is the baseline of the comparison (default: every run, oldest first)")
    List<String> runs = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write the site into")
    Path dir;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Site.checkDestination(dir.toAbsolutePath().normalize()); // before the runs are read: a wrong folder is the quicker error
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        List<Run> loaded = new ArrayList<>();
        for (String run : runs.isEmpty() ? allRuns() : runs) {
            Path folder = Path.of(run);
            boolean isPath = run.contains("/") && Files.isDirectory(folder);
            loaded.add(Run.load(isPath ? folder : results.resolve("runs").resolve(RunArchive.requireSafeId(run, "--run"))));
        }
        Path index = Site.publish(loaded, baselines, dir);
        long bytes = size(index.getParent());
        System.out.printf("asfast: site of %d runs written to %s (%.1f MB) in %.1f s%n", loaded.size(), index,
                bytes / 1e6, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Every finished run under results/runs/, by id (ids start with the start time, so oldest first). */
    private List<String> allRuns() {
        Path runsDir = results.resolve("runs");
        try (Stream<Path> folders = Files.isDirectory(runsDir) ? Files.list(runsDir) : Stream.empty()) {
            List<String> ids = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            if (ids.isEmpty()) {
                throw new UserError("no runs in " + runsDir + "; run ./asfast verify or ./asfast import one first");
            }
            return ids;
        } catch (IOException e) {
            throw new UserError("cannot list " + runsDir + ": " + e.getMessage());
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
