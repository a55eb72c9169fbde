package org.asfast.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Builds a results/ directory in a temporary folder: the real baselines and copies of the fixture run. */
final class ReportFixtures {
    static final Path BASELINES = Path.of("..", "results", "baselines");

    private ReportFixtures() {
    }

    static Path results(Path dir) throws IOException {
        Path results = dir.resolve("results");
        Path baselines = Files.createDirectories(results.resolve("baselines"));
        try (var files = Files.list(BASELINES)) {
            for (Path f : files.toList()) {
                Files.copy(f, baselines.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(results.resolve("runs"));
        return results;
    }

    /** Copies the fixture run (this computer, full profile) into results/runs/&lt;id&gt; and returns its folder. */
    static Path run(Path results, String id) throws IOException {
        return copy("run", results, id);
    }

    /** Copies the fixture of a run of the modelled platforms alone (with two what-ifs) into results/runs/&lt;id&gt;. */
    static Path modelRun(Path results, String id) throws IOException {
        return copy("model-run", results, id);
    }

    private static Path copy(String fixture, Path results, String id) throws IOException {
        Path run = Files.createDirectories(results.resolve("runs").resolve(id));
        for (String name : new String[] {Run.JMH_FILE, Run.ENVIRONMENT_FILE}) {
            try (InputStream in = ReportFixtures.class.getResourceAsStream("/fixtures/" + fixture + "/" + name)) {
                Files.copy(in, run.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return run;
    }
}
