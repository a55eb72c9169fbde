package org.asfast.cli;

import java.util.Arrays;
import java.util.List;

import org.asfast.jmh.AndrewBenchmark;
import org.asfast.jmh.BcopyBenchmark;
import org.asfast.jmh.CreateDeleteBenchmark;
import org.asfast.jmh.CswitchBenchmark;
import org.asfast.jmh.GetpidBenchmark;
import org.asfast.jmh.OpenCloseBenchmark;
import org.asfast.jmh.ReadBenchmark;
import org.asfast.jmh.SelectBenchmark;
import org.asfast.spi.UserError;

/** The workloads a user can name with --workload, and the JMH class that measures each. */
enum Workloads {
    GETPID("getpid", GetpidBenchmark.class),
    CSWITCH("cswitch", CswitchBenchmark.class),
    SELECT("select", SelectBenchmark.class),
    BCOPY("bcopy", BcopyBenchmark.class),
    READ("read", ReadBenchmark.class),
    OPEN_CLOSE("open-close", OpenCloseBenchmark.class),
    CREATE_DELETE("create-delete", CreateDeleteBenchmark.class),
    ANDREW("andrew", AndrewBenchmark.class);

    final String userName;
    final Class<?> benchmark;

    Workloads(String userName, Class<?> benchmark) {
        this.userName = userName;
        this.benchmark = benchmark;
    }

    /** True for the workloads that use files, the only ones the paper ran on remote configurations. */
    boolean fileSystem() {
        return this == OPEN_CLOSE || this == CREATE_DELETE || this == ANDREW;
    }

    /** True for the benchmarks timed one invocation at a time. */
    boolean singleShot() {
        return this == ANDREW;
    }

    /** JMH's include pattern for this workload's benchmarks. */
    String includePattern() {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\.";
    }

    static List<Workloads> parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(values());
        }
        return names.stream().map(Workloads::byName).distinct().toList();
    }

    static Workloads byName(String name) {
        return Arrays.stream(values()).filter(w -> w.userName.equals(name.trim())).findFirst().orElseThrow(() -> new UserError(
                "unknown workload '" + name + "'; choose from " + String.join(", ", Arrays.stream(values()).map(w -> w.userName).toList())));
    }
}
