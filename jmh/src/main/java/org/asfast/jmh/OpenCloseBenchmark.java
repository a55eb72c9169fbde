package org.asfast.jmh;

import org.asfast.spi.Platform;
import org.asfast.workloads.OpenClose;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Table 9: an open-close pair on "foo" and on "a/b/c/foo". */
public class OpenCloseBenchmark extends OnPlatform<OpenClose> {
    @Param({"FOO", "A_B_C_FOO"})
    public OpenClose.Case path;

    @Override
    protected OpenClose create(Platform platform) {
        return new OpenClose(platform, path);
    }

    @Benchmark
    public void openClose(VirtualTime time) {
        time.operations++;
        workload.openClose();
    }
}
