package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.SelectPipes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Table 4: one select call with a zero timeout on 1 empty, 10 empty and 10 full pipes. */
public class SelectBenchmark extends OnPlatform<SelectPipes> {
    @Param({"ONE_EMPTY", "TEN_EMPTY", "TEN_FULL"})
    public SelectPipes.Case pipes;

    @Override
    protected SelectPipes create(Platform platform) {
        SelectPipes select = new SelectPipes(platform, pipes);
        if (select.call() != select.expectedReadable()) {
            select.close();
            throw new IllegalStateException("select found the wrong number of readable pipes");
        }
        return select;
    }

    @Benchmark
    public int select(VirtualTime time) {
        time.operations++;
        return workload.call();
    }
}
