package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.Platforms;
import org.asfast.workloads.Workload;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every benchmark does around its measured call: open the platform named by the
 * {@code platform} parameter, set its workload up, and close both when the trial ends. The harness
 * passes the target directory to forked JVMs as the system property {@code asfast.target}.
 *
 * @param <W> the workload the benchmark measures
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class OnPlatform<W extends Workload> {
    @Param({"host"})
    public String platform;

    protected W workload;
    private Platform opened;

    /** Makes the workload on an opened platform, with this benchmark's other parameters. */
    protected abstract W create(Platform platform);

    @Setup
    public void setUp() {
        opened = open(platform);
        VirtualTime.CLOCK.set(opened.clock());
        try {
            workload = create(opened);
        } catch (RuntimeException e) {
            close(null, opened); // a capability it lacks: stop a live platform's nodes now, not when the fork ends
            opened = null;
            throw e;
        }
    }

    @TearDown
    public void tearDown() {
        VirtualTime.CLOCK.remove();
        close(workload, opened);
    }

    static Platform open(String name) {
        Platform given = GIVEN.get();
        return given != null ? given : Platforms.open(name, PlatformSettings.fromSystemProperties());
    }

    /** A platform opened by the caller for {@link DirectRun}, used instead of opening one by name; closed at tear-down all the same. */
    static final ThreadLocal<Platform> GIVEN = new ThreadLocal<>();

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
