package org.asfast.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.asfast.spi.UserError;

/** Checks a user's --target before anything is written there. */
public final class TargetDirectory {
    private TargetDirectory() {
    }

    /** Returns the target's real path, or throws a one-line {@link UserError} saying what is wrong. */
    public static Path check(Path target) {
        if (!Files.exists(target)) {
            throw new UserError("target directory " + target + " does not exist; create it or pass another --target");
        }
        if (!Files.isDirectory(target)) {
            throw new UserError("target " + target + " is not a directory; pass a directory to --target");
        }
        if (!Files.isWritable(target) || !canCreateFileIn(target)) {
            throw new UserError("target directory " + target + " is not writable; fix its permissions or pass another --target");
        }
        try {
            return target.toRealPath();
        } catch (IOException e) {
            throw new UserError("cannot resolve target directory " + target + ": " + e.getMessage());
        }
    }

    /** Root passes every permission check, so try for real: a read-only mount or /proc still refuses. */
    private static boolean canCreateFileIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".asfast-probe-", ""));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Throws a {@link UserError} unless {@code dir} has {@code bytes} free. */
    public static void requireFreeSpace(Path dir, long bytes, String purpose) {
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UserError("cannot tell how much space " + dir + " has: " + e.getMessage());
        }
        if (free < bytes) {
            throw new UserError(String.format("target %s has %d MB free but %s needs %d MB; free some space or pass another --target",
                    dir, free >> 20, purpose, (bytes + (1 << 20) - 1) >> 20));
        }
    }
}
