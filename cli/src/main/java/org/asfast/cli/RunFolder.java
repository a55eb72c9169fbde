package org.asfast.cli;

import org.asfast.spi.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A new folder under results/runs/, built as a hidden ".&lt;id&gt;.incomplete" folder and renamed to
 * &lt;id&gt; only when the run is complete. An id that exists gets a suffix: no run overwrites another.
 */
final class RunFolder {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private final Path runs;
    private final String id;
    private final Path incomplete;
    private boolean completed;

    private RunFolder(Path runs, String id, Path incomplete) {
        this.runs = runs;
        this.id = id;
        this.incomplete = incomplete;
    }

    static RunFolder create(Path runs) {
        try {
            Files.createDirectories(runs);
            String base = ZonedDateTime.now(ZoneOffset.UTC).format(ID);
            for (int n = 1; ; n++) {
                String id = n == 1 ? base : base + "-" + n;
                if (Files.exists(runs.resolve(id))) {
                    continue;
                }
                try {
                    Path incomplete = Files.createDirectory(runs.resolve("." + id + ".incomplete"));
                    return new RunFolder(runs, id, incomplete);
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second; try the next suffix
                }
            }
        } catch (IOException e) {
            throw new org.asfast.spi.UserError("cannot create a run folder in " + runs + ": " + e.getMessage());
        }
    }

    String id() {
        return id;
    }

    Path incomplete() {
        return incomplete;
    }

    /** Renames the finished run into place; fails rather than replace an existing folder. */
    synchronized Path complete() {
        try {
            Path done = Files.move(incomplete, runs.resolve(id));
            completed = true;
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished run into " + runs.resolve(id), e);
        }
    }

    /** Removes the hidden folder of a run that did not finish. */
    synchronized void discardIfIncomplete() {
        if (!completed) {
            FileTrees.delete(incomplete);
        }
    }
}
