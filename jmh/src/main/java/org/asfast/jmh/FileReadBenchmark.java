package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.douglis.FileRead;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Douglis et al. Table 2, "read": a whole file of 10 or 100 Kbytes, from its start, through the platform's files. */
public class FileReadBenchmark extends OnPlatform<FileRead> {
    @Param({"TEN_KB", "HUNDRED_KB"})
    public FileRead.Case size;

    @Override
    protected FileRead create(Platform platform) {
        return new FileRead(platform, size);
    }

    @Benchmark
    public long read(VirtualTime time) {
        time.operations++;
        long read = workload.read();
        time.bytes += read;
        return read;
    }
}
