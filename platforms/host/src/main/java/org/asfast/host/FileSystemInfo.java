package org.asfast.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The file system a path lives on, from /proc/self/mountinfo: its type, device and mount options. */
public record FileSystemInfo(String mountPoint, String type, String device, String options) {

    /** Finds the mount that holds {@code path} (the longest mount point that is a prefix of its real path). */
    public static FileSystemInfo of(Path path) {
        try {
            return of(path.toRealPath(), Files.readAllLines(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            return new FileSystemInfo("?", "unknown", "?", "cannot read /proc/self/mountinfo: " + e.getMessage());
        }
    }

    static FileSystemInfo of(Path realPath, List<String> mountinfo) {
        FileSystemInfo best = new FileSystemInfo("?", "unknown", "?", "");
        for (String line : mountinfo) {
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] left = halves[0].split(" ");
            String[] right = halves[1].split(" ");
            if (left.length < 6 || right.length < 3) {
                continue;
            }
            String mountPoint = unescape(left[4]);
            if (realPath.startsWith(mountPoint) && mountPoint.length() >= best.mountPoint.length() || best.mountPoint.equals("?") && realPath.startsWith(mountPoint)) {
                best = new FileSystemInfo(mountPoint, right[0], unescape(right[1]), left[5] + "," + right[2]);
            }
        }
        return best;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    @Override
    public String toString() {
        return type + " on " + mountPoint + " (" + device + ", " + options + ")";
    }
}
