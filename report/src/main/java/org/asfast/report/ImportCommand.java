package org.asfast.report;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Brings a run made elsewhere into results/runs/, checked first. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Bring a run into results/runs/<id>/: a run folder, or a zip made by ./asfast export.",
                "It is checked against its schema (asfast-environment/1) first and keeps its own environment (machine, MIPS)."})
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--results", description = "The results directory (default: ${DEFAULT-VALUE})")
    Path results = Path.of("results");

    @Parameters(index = "0", paramLabel = "PATH", description = "A run folder or a .zip made by ./asfast export")
    Path source;

    @Override
    public Integer call() {
        RunArchive.Imported imported = RunArchive.importRun(source, results.resolve("runs"));
        System.out.printf("asfast: run %s from %s %s %s%n", imported.run().id(), RunArchive.machineOf(imported.run().environment()),
                imported.alreadyThere() ? "is already in" : "imported into", imported.run().dir());
        return 0;
    }
}
