package org.asfast.report;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Zips a run so that another machine's asfast can import it. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write results/runs/<ID>/ (its results; the report is rebuilt on import) as a zip, for ./asfast import on another machine.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--results", description = "The results directory (default: ${DEFAULT-VALUE})")
    Path results = Path.of("results");

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The archive to write (default: <ID>.zip in the current folder); never overwritten")
    Path output;

    @Parameters(index = "0", paramLabel = "ID", description = "The run's id, a folder under results/runs/")
    String id;

    @Override
    public Integer call() {
        Path archive = RunArchive.export(results.resolve("runs"), id, output == null ? Path.of(id + ".zip") : output);
        System.out.printf("asfast: run %s exported to %s (%d bytes)%n", id, archive, archive.toFile().length());
        return 0;
    }
}
