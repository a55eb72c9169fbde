package org.asfast.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A run's scratch root: node folders and logs; marked, so that only a root a launcher made is ever deleted. */
final class Scratch {
    private Scratch() {
    }

    /** A new, marked scratch root in {@code parent}. */
    static Path create(Path parent) {
        try {
            Files.createDirectories(parent);
            Path root = Files.createTempDirectory(parent, "asfast-live-");
            Files.createFile(root.resolve(NodeMain.ROOT_MARK));
            return root;
        } catch (IOException e) {
            // the user's to fix (a read-only or full folder): one line and exit 2 from the commands, not a stack trace
            throw new LiveException("cannot create a scratch folder in " + parent + ": " + (e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage())
                    + "; give a writable folder", e);
        }
    }

    /** Deletes {@code root} and everything in it; files that vanish meanwhile (another node deleting) are fine. */
    static void deleteQuietly(Path root) {
        for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // retried by the next attempt
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // a file vanished under the walk: walk again
            }
        }
    }
}
