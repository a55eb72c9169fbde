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
    GETPID("getpid", GetpidBenchmark.class, false),
    CSWITCH("cswitch", CswitchBenchmark.class, false),
    SELECT("select", SelectBenchmark.class, false),
    BCOPY("bcopy", BcopyBenchmark.class, false),
    READ("read", ReadBenchmark.class, true),
    OPEN_CLOSE("open-close", OpenCloseBenchmark.class, true),
    CREATE_DELETE("create-delete", CreateDeleteBenchmark.class, true),
    ANDREW("andrew", AndrewBenchmark.class, true);

    final String userName;
    final Class<?> benchmark;
    final boolean usesFiles;

    Workloads(String userName, Class<?> benchmark, boolean usesFiles) {
        this.userName = userName;
        this.benchmark = benchmark;
        this.usesFiles = usesFiles;
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
