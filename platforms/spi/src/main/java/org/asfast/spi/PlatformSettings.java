package org.asfast.spi;

import java.nio.file.Path;

/**
 * What a user chooses about where a platform runs.
 *
 * @param target the directory under which file workloads make their scratch directory
 *               (point it at an NFS mount to get the papers' remote rows)
 */
public record PlatformSettings(Path target) {

    /** The default: the system temporary directory. */
    public static PlatformSettings defaults() {
        return new PlatformSettings(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Reads the settings a harness passes to a forked benchmark JVM as system properties. */
    public static PlatformSettings fromSystemProperties() {
        String target = System.getProperty("asfast.target");
        return target == null ? defaults() : new PlatformSettings(Path.of(target));
    }
}
