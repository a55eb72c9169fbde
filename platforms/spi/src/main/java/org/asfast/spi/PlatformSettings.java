package org.asfast.spi;

import java.nio.file.Path;

/**
 * What a user chooses about where a platform runs.
 *
 * @param target the directory under which file workloads make their scratch directory
 *               (point it at an NFS mount to get the papers' remote rows)
 * @param faults what the network of a distributed system's platform does to its datagrams, in the fault setting's
 *               syntax ({@code drop=0.1,dup=0.05,seed=7}); empty for none. Other platforms ignore it.
 */
public record PlatformSettings(Path target, String faults) {
    /** System property: the target directory a harness passes to a forked benchmark JVM. */
    public static final String TARGET = "asfast.target";
    /** System property: the fault setting a harness passes to a forked benchmark JVM. */
    public static final String FAULTS = "asfast.faults";

    public PlatformSettings {
        faults = faults == null ? "" : faults;
    }

    /** Under {@code target}, with no faults. */
    public PlatformSettings(Path target) {
        this(target, "");
    }

    /** The default: the system temporary directory, no faults. */
    public static PlatformSettings defaults() {
        return new PlatformSettings(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Reads the settings a harness passes to a forked benchmark JVM as system properties. */
    public static PlatformSettings fromSystemProperties() {
        String target = System.getProperty(TARGET);
        return new PlatformSettings(target == null ? defaults().target() : Path.of(target), System.getProperty(FAULTS, ""));
    }
}
