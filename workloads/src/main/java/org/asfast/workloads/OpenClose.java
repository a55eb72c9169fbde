package org.asfast.workloads;

import org.asfast.spi.Files;
import org.asfast.spi.Platform;

/**
 * Ousterhout §10, Open-Close: "repeatedly opens and closes a single file", for "a name with only a
 * single element, and one with 4 elements": {@code foo} and {@code a/b/c/foo}, relative to the
 * working directory (here, the scratch directory on the target file system).
 */
public final class OpenClose implements Workload {

    /** The paper's two columns. */
    public enum Case {
        FOO("foo"),
        A_B_C_FOO("a/b/c/foo");

        public final String path;

        Case(String path) {
            this.path = path;
        }
    }

    private final Files files;
    private final String path;

    public OpenClose(Platform platform, Case selected) {
        files = platform.require(Files.class);
        path = selected.path;
        String[] parts = path.split("/");
        StringBuilder dir = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            dir.append(i == 0 ? "" : "/").append(parts[i]);
            files.mkdir(dir.toString());
        }
        files.close(files.create(path));
    }

    /** Opens the file and closes it again. */
    public void openClose() {
        files.close(files.openForReading(path));
    }
}
