package org.asfast.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.asfast.spi.UserError;

/** Writes a file whole or not at all: into a temporary file beside it, then an atomic rename. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    public static void write(Path file, Content content) {
        writeBytes(file, out -> {
            try (Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
        });
    }

    /** What writes binary content. */
    @FunctionalInterface
    public interface BinaryContent {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Temporary files are private (0600); results are meant to be published, so make them rw-r--r--. */
    static void readableByAll(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    public static void writeBytes(Path file, BinaryContent content) {
        replace(file, content, null);
    }

    /** Rewrites an existing file whole, keeping its permissions (a private file stays private). */
    public static void rewrite(Path file, Content content) {
        Set<PosixFilePermission> permissions = null;
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                permissions = Files.getPosixFilePermissions(file);
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
        replace(file, out -> {
            try (Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
        }, permissions);
    }

    private static void replace(Path file, BinaryContent content, Set<PosixFilePermission> permissions) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (java.io.OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            if (permissions == null) {
                readableByAll(temp);
            } else {
                Files.setPosixFilePermissions(temp, permissions);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw cannotWrite(file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }

    /**
     * Refuses, before any work is done, files that exist as something other than a regular file (a folder in the way):
     * a command that writes several files checks them all first, so that it does not replace one and then fail on the next.
     */
    public static void requireReplaceable(Path... files) {
        for (Path file : files) {
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UserError("cannot write " + file + ": something other than a file is in its place; move it away or give another --out");
            }
        }
    }

    /** A one-line {@link UserError} for a write the disk refused: full, read-only, or no permission. */
    public static UserError cannotWrite(Path file, IOException e) {
        return new UserError("cannot write " + file + ": " + reason(e) + "; free some space, fix the folder's permissions or write elsewhere", e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Refuses, before any work is done, a folder that cannot take {@code bytes} of results: one
     * whose nearest existing ancestor is not a writable directory (checked by creating a file, since
     * root passes every permission check and a read-only mount still refuses), or has less room.
     *
     * @param what what is to be written there, for the message ("the report")
     */
    public static void requireWritable(Path dir, long bytes, String what) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserError("cannot write " + what + " to " + dir + ": " + existing + " is not a folder; write elsewhere");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".asfast-probe-", ""));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError("cannot write " + what + " to " + dir + ": " + existing + " takes no new file ("
                    + (e instanceof IOException io ? reason(io) : e.getMessage()) + "); fix its permissions or write elsewhere");
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw new UserError("cannot tell how much room " + existing + " has: " + reason(e));
        }
        if (free < bytes) {
            throw new UserError(String.format("cannot write %s to %s: %d MB free, and it needs %d MB; free some space or write elsewhere",
                    what, dir, free >> 20, (bytes + (1 << 20) - 1) >> 20));
        }
    }
}
