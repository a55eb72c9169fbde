package org.asfast.cli;

import org.asfast.report.AtomicFiles;
import org.asfast.report.Uninterrupted;
import org.asfast.spi.FileTrees;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A new folder under results/runs/, built as a hidden ".&lt;id&gt;.&lt;pid&gt;.incomplete" folder and
 * renamed to &lt;id&gt; only when the run is complete. An id that exists gets a suffix: no run
 * overwrites another. The process id in the hidden name lets the next run remove what a run killed
 * with -9 left, and nothing that a running one owns.
 */
final class RunFolder {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private final Path runs;
    private final String id;
    private final Path incomplete;
    /** Where the run went when it was renamed into place; null until then. Volatile: a stop's notice reads it from its own thread. */
    private volatile Path completedAt;

    private RunFolder(Path runs, String id, Path incomplete) {
        this.runs = runs;
        this.id = id;
        this.incomplete = incomplete;
    }

    /** Hidden folders of runs whose process is gone. */
    static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile("\\..+\\.(?<pid>\\d+)\\.incomplete");

    static RunFolder create(Path runs) {
        try {
            Files.createDirectories(runs);
            FileTrees.deleteLeftovers(runs, LEFTOVER);
            String base = ZonedDateTime.now(ZoneOffset.UTC).format(ID);
            for (int n = 1; ; n++) {
                String id = n == 1 ? base : base + "-" + n;
                if (Files.exists(runs.resolve(id))) {
                    continue;
                }
                try {
                    Path incomplete = Files.createDirectory(runs.resolve("." + id + "." + FileTrees.ownerId() + ".incomplete"));
                    if (!anotherRunHolds(runs, id)) {
                        return new RunFolder(runs, id, incomplete);
                    }
                    Files.delete(incomplete);
                } catch (FileAlreadyExistsException taken) {
                    // this process made that folder a moment ago: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new org.asfast.spi.UserError("cannot create a run folder in " + runs + ": " + e.getMessage());
        }
    }

    /**
     * True if another running process has taken the same id (two runs started in the same second):
     * of two, the one with the lower process id keeps it, the other tries the next suffix.
     */
    private static boolean anotherRunHolds(Path runs, String id) throws IOException {
        if (Files.exists(runs.resolve(id))) {
            return true;
        }
        String prefix = "." + id + ".";
        try (java.util.stream.Stream<Path> entries = Files.list(runs)) {
            return entries.map(p -> LEFTOVER.matcher(p.getFileName().toString()))
                    .filter(m -> m.matches() && m.group().startsWith(prefix) && m.group().indexOf('.', prefix.length()) == m.group().length() - ".incomplete".length())
                    .mapToLong(m -> Long.parseLong(m.group("pid")))
                    .anyMatch(pid -> pid < FileTrees.ownerId() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    String id() {
        return id;
    }

    Path incomplete() {
        return incomplete;
    }

    /** Writing into the unfinished run: {@link #write} runs it as one step. */
    @FunctionalInterface
    interface Writing {
        void into(Path incomplete);
    }

    /**
     * Writes into the unfinished run as one {@link Uninterrupted} step: a stop that begins meanwhile waits for it, and once
     * a stop has begun no write starts. Else a write could recreate the folder the stop's clean-up had just removed
     * (writing a file creates its folder), leaving a hidden run folder behind.
     */
    void write(Writing writing) {
        try {
            Uninterrupted.run(() -> {
                writing.into(incomplete);
                return null;
            });
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(incomplete, e);
        }
    }

    /**
     * Renames the finished run into place, in one {@link Uninterrupted} step with {@code last}, the
     * last writing into it (the report): Ctrl-C meanwhile waits for both, and Ctrl-C before leaves
     * the run unfinished, to be discarded. Fails rather than replace an existing folder.
     */
    synchronized Path complete(Uninterrupted.Step<?> last) {
        try {
            return Uninterrupted.run(() -> {
                if (last != null) {
                    last.run();
                }
                Path done = Files.move(incomplete, runs.resolve(id));
                completedAt = done;
                return done;
            });
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(runs.resolve(id), e);
        }
    }

    Path complete() {
        return complete(null);
    }

    /** The finished run's folder, or null while it is incomplete. */
    Path completedAt() {
        return completedAt;
    }

    /** Removes the hidden folder of a run that did not finish. */
    synchronized void discardIfIncomplete() {
        if (completedAt == null) {
            FileTrees.delete(incomplete);
        }
    }
}
