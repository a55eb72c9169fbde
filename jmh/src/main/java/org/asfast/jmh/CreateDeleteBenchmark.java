package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.CreateDelete;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Table 10: create, write, close, reopen, read, close and delete a temporary file of 0, 10 and 100 KB.
 * On ext4 the rate depends on how many inodes were freed recently, so warm-up matters and the
 * spread across forks is part of the result.
 */
public class CreateDeleteBenchmark extends OnPlatform<CreateDelete> {
    @Param({"NO_DATA", "TEN_KB", "HUNDRED_KB"})
    public CreateDelete.Case data;

    @Override
    protected CreateDelete create(Platform platform) {
        return new CreateDelete(platform, data);
    }

    @Benchmark
    public long createDelete(VirtualTime time) {
        time.operations++;
        return workload.iteration();
    }
}
