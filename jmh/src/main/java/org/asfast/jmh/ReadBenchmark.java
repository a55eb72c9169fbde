package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.ReadFile;
import org.openjdk.jmh.annotations.Benchmark;

/** Table 6: one 16 KB read from a file in the page cache; with the bytes read, counted in {@link VirtualTime}, the harness makes Mbytes/s. */
public class ReadBenchmark extends OnPlatform<ReadFile> {

    @Override
    protected ReadFile create(Platform platform) {
        return new ReadFile(platform);
    }

    @Benchmark
    public long read(VirtualTime time) {
        time.operations++;
        long read = workload.readBlock();
        time.bytes += read;
        return read;
    }
}
