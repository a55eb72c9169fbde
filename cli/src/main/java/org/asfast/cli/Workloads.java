package org.asfast.cli;

import java.util.Arrays;
import java.util.List;

import org.asfast.spi.UserError;
import org.asfast.workloads.WorkloadRegistry;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * A workload a user can name with --workload, as the registry ({@code workloads.csv}) declares it: its JMH class and
 * the cells it fills.
 *
 * @param userName   the name users give to --workload
 * @param benchmark  the JMH class that measures it
 * @param entries    the cells it fills
 */
record Workloads(String userName, Class<?> benchmark, List<WorkloadRegistry.Entry> entries) {

    /** True for the workloads that use files, the only ones the paper ran on remote configurations. */
    boolean fileSystem() {
        return entries.getFirst().files();
    }

    /** True if some of its cells run on every platform of the run (host, modelled), not only on a live system's. */
    boolean runsEverywhere() {
        return entries.stream().anyMatch(WorkloadRegistry.Entry::everywhere);
    }

    /** True for the benchmarks timed one invocation at a time (their JMH class says so with @BenchmarkMode). */
    boolean singleShot() {
        BenchmarkMode mode = benchmark.getAnnotation(BenchmarkMode.class);
        return mode != null && Arrays.asList(mode.value()).contains(Mode.SingleShotTime);
    }

    /** JMH's include pattern for this workload's benchmarks. */
    String includePattern() {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\.";
    }

    /** Every registered workload, in the registry's order. */
    static List<Workloads> all() {
        return WorkloadRegistry.workloads().stream().map(Workloads::byName).toList();
    }

    static List<Workloads> parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return all();
        }
        return names.stream().map(Workloads::byName).distinct().toList();
    }

    static Workloads byName(String name) {
        List<WorkloadRegistry.Entry> entries = WorkloadRegistry.of(name.trim());
        String type = entries.getFirst().benchmarkClass();
        try {
            return new Workloads(name.trim(), Class.forName(type), entries);
        } catch (ClassNotFoundException e) {
            throw new UserError("workload '" + name.trim() + "' names the JMH class " + type + ", which is not on the class path; build the jmh module");
        }
    }
}
