package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.asfast.report.Baselines;
import org.asfast.workloads.WorkloadRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.junit.jupiter.api.Test;

/** Every row of workloads.csv names a real benchmark, real parameter values and a cell the paper printed. */
class WorkloadRegistryTest {

    @Test
    void everyRowNamesABenchmarkItsParametersAndAPrintedCell() throws Exception {
        Baselines baselines = Baselines.load(Path.of("..", "results", "baselines"));
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (WorkloadRegistry.Entry e : WorkloadRegistry.entries()) {
            String where = e.workload() + " " + e.benchmark() + " " + e.params();
            Class<?> type = Class.forName(e.benchmarkClass());
            String method = e.benchmark().substring(e.benchmark().lastIndexOf('.') + 1);
            if (Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(method) && m.isAnnotationPresent(Benchmark.class))) {
                wrong.add(where + ": no @Benchmark method " + method);
            }
            e.params().forEach((name, value) -> {
                Param param = param(type, name);
                if (param == null || !(param.value().length == 0 || Arrays.asList(param.value()).contains(value))) {
                    wrong.add(where + ": " + name + "=" + value + " is not a @Param value of " + type.getSimpleName());
                }
            });
            boolean time = e.conversion().equals("time");
            if (time ? !List.of("us", "ms", "s").contains(e.unit()) : !e.unit().equals("MB/s")) {
                wrong.add(where + ": a " + e.conversion() + " in " + e.unit());
            }
            if (e.papers() && baselines.table(e.paper(), e.table()).cells().stream().noneMatch(c -> c.column().equals(e.column()) && c.unit().equals(e.unit()))) {
                wrong.add(where + ": " + e.paper() + " table " + e.table() + " prints no column '" + e.column() + "' in " + e.unit());
            }
            if (!seen.add(e.benchmark() + e.params())) {
                wrong.add(where + ": registered twice");
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(seen.size() >= 16, "Ousterhout's cells at least: " + seen.size());
    }

    @Test
    void aWorkloadIsOneJmhClassAndTheRunFindsItByName() {
        for (String name : WorkloadRegistry.workloads()) {
            Workloads w = Workloads.byName(name);
            assertTrue(w.includePattern().startsWith("^org\\.asfast\\.jmh\\."), w.includePattern());
            assertEquals(w.entries(), WorkloadRegistry.of(name));
        }
        assertTrue(Workloads.byName("andrew").singleShot(), "its JMH class says SingleShotTime");
        assertTrue(!Workloads.byName("getpid").singleShot());
        assertTrue(Workloads.byName("create-delete").fileSystem() && !Workloads.byName("select").fileSystem());
    }

    private static Param param(Class<?> type, String name) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f.getAnnotation(Param.class);
                }
            }
        }
        return null;
    }
}
