package org.asfast.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removes a directory tree asfast made (scratch directories, unfinished runs, staged reports). A
 * symbolic link inside it is removed, never followed.
 */
public final class FileTrees {
    private FileTrees() {
    }

    public static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.deleteIfExists(root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + root, e);
            }
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }

    /**
     * Removes what a process that no longer runs left in {@code dir}: every entry whose name matches
     * {@code pattern}, whose group "pid" names the process that made it, and that process is gone
     * (killed with -9, or its machine lost power). What a running process owns is left alone.
     *
     * @return the names removed
     */
    public static java.util.List<String> deleteLeftovers(Path dir, java.util.regex.Pattern pattern) {
        java.util.List<String> removed = new java.util.ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                java.util.regex.Matcher m = pattern.matcher(entry.getFileName().toString());
                if (m.matches() && !isRunning(Long.parseLong(m.group("pid")))) {
                    delete(entry);
                    removed.add(entry.getFileName().toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: another process may be cleaning the same folder
        }
        return removed;
    }

    /** The process id to put in the names of what this process makes, for {@link #deleteLeftovers}. */
    public static long ownerId() {
        return ProcessHandle.current().pid();
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
