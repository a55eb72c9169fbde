package org.asfast.workloads.douglis;

import org.asfast.spi.Platform;
import org.asfast.spi.TimeOfDay;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. §3.4: "a request by a remote process to get the time of day would be forwarded home; the call would
 * take about two milliseconds, compared to 210 microseconds in the local case." One gettimeofday, from a process at
 * home or from one that migrated to another host.
 */
public final class GetTimeOfDay implements Workload {
    private final TimeOfDay clock;
    private final boolean migrated;

    public GetTimeOfDay(Platform platform, boolean migrated) {
        clock = platform.require(TimeOfDay.class);
        this.migrated = migrated;
    }

    /** One call; returns the time of day it read, in microseconds. */
    public long call() {
        return clock.gettimeofday(migrated);
    }
}
