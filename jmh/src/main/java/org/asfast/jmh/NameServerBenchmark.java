package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.spi.Platform;
import org.asfast.workloads.thekkath.NameServerOperation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Thekkath et al. Table 3: export, import from the clerk's cache or not, revoke, and lookup with notification, as a
 * user of this machine calls them. The export a revoke needs is made before it, out of the time. Sampled call by call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NameServerBenchmark extends OnPlatform<NameServerOperation> {
    @Param({"EXPORT", "IMPORT_CACHED", "IMPORT_UNCACHED", "REVOKE", "LOOKUP_WITH_NOTIFICATION"})
    public NameServerOperation.Operation operation;

    @Override
    protected NameServerOperation create(Platform platform) {
        return new NameServerOperation(platform, operation);
    }

    /** JMH leaves invocation set-up out of a live platform's wall time, VirtualTime out of a simulated one's. */
    @Setup(Level.Invocation)
    public void prepare() {
        VirtualTime.untimed(workload::prepare);
    }

    @Benchmark
    public void operate(VirtualTime time) {
        time.operations++;
        workload.operate();
    }
}
