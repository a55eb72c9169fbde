package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.spi.Uio;
import org.asfast.workloads.UioReading;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Param;

/**
 * Cheriton Table II: the time per kilobyte read through UIO, by column (getbyte, Disk (bytes), Disk (blocks),
 * IPC) with the server local or remote; and the text's 1 KB reads from the page frame cache (Disk (blocks)
 * with where = PAGE_CACHE or PAGE_CACHE_MISS). Filling the getbyte column's buffer is kept out of the time.
 */
public class UioBenchmark extends OnPlatform<UioReading> {
    @Param({"LOCAL_SERVER", "REMOTE_SERVER"})
    public Uio.Where where;

    @Param({"GETBYTE", "DISK_BYTES", "DISK_BLOCKS", "IPC"})
    public UioReading.Column column;

    @Override
    protected UioReading create(Platform platform) {
        return new UioReading(platform, where, column);
    }

    /** Before each read, out of the time: JMH leaves invocation set-up out of a live platform's wall time, VirtualTime out of a simulated one's. */
    @Setup(Level.Invocation)
    public void prepare() {
        VirtualTime.untimed(workload::prepare);
    }

    @Benchmark
    public int readKilobyte(VirtualTime time) {
        time.operations++;
        return workload.readKilobyte();
    }
}
