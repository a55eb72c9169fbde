package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.spi.Threads;
import org.asfast.workloads.Workload;
import org.asfast.workloads.douglis.ContextSwitch;
import org.asfast.workloads.douglis.ThreadCreation;
import org.openjdk.jmh.annotations.Benchmark;

/** Douglis et al. Table 3: the fastest round-trip context switch, and creating a thread that shares memory. */
public class ThreadsBenchmark extends OnPlatform<ThreadsBenchmark.Both> {

    /** Both of Table 3's workloads on one platform. */
    public record Both(ContextSwitch contextSwitch, ThreadCreation creation) implements Workload {
    }

    @Override
    protected Both create(Platform platform) {
        platform.require(Threads.class);
        return new Both(new ContextSwitch(platform), new ThreadCreation(platform));
    }

    @Benchmark
    public void contextSwitch(VirtualTime time) {
        time.operations++;
        workload.contextSwitch().roundTrip();
    }

    @Benchmark
    public void threadCreation(VirtualTime time) {
        time.operations++;
        workload.creation().createAndJoin();
    }
}
