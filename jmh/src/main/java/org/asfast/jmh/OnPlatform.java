package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.Platforms;
import org.asfast.workloads.Workload;

/**
 * Opens the platform named by a benchmark's {@code platform} parameter and closes it, with its
 * workload, when the trial ends. The harness passes the target directory to forked JVMs as the
 * system property {@code asfast.target}.
 */
final class OnPlatform {
    private OnPlatform() {
    }

    static Platform open(String name) {
        return Platforms.open(name, PlatformSettings.fromSystemProperties());
    }

    /** Closes the workload, then the platform, even if closing the workload fails. */
    static void close(Workload workload, Platform platform) {
        try {
            if (workload != null) {
                workload.close();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }
}
