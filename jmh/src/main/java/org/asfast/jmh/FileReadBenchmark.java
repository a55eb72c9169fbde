package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.douglis.FileRead;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Douglis et al. Table 2, read: a whole 10 or 100 KB file read from its start, the file already open. */
public class FileReadBenchmark extends OnPlatform<FileRead> {
    @Param({"TEN_KB", "HUNDRED_KB"})
    public FileRead.Size size;

    @Override
    protected FileRead create(Platform platform) {
        return new FileRead(platform, size);
    }

    @Benchmark
    public long read(VirtualTime time) {
        time.operations++;
        return workload.read();
    }
}
