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
            if (time ? !List.of("us", "ms", "s").contains(e.unit()) : !List.of("MB/s", "KB/s", "Mb/s").contains(e.unit())) {
                wrong.add(where + ": a " + e.conversion() + " in " + e.unit());
            }
            if (e.papers() && baselines.table(e.paper(), e.table()).cells().stream().noneMatch(c -> c.column().equals(e.column()) && c.unit().equals(e.unit())
                    && (e.row().isEmpty() || c.row().equals(new org.asfast.report.RowLabel(e.row().get(0), e.row().get(1), e.row().get(2)))))) {
                wrong.add(where + ": " + e.paper() + " table " + e.table() + " prints no column '" + e.column() + "' in " + e.unit() + (e.row().isEmpty() ? "" : " in row " + e.row()));
            }
            for (String platform : e.platforms()) {
                if (!org.asfast.spi.Platforms.known().contains(platform)) {
                    wrong.add(where + ": no platform " + platform);
                }
            }
            if (!seen.add(e.benchmark() + e.params() + e.platforms() + e.paper() + e.table() + e.row() + e.column())) {
                wrong.add(where + ": registered twice");
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(seen.size() >= 16, "Ousterhout's cells at least: " + seen.size());
        assertTrue(WorkloadRegistry.entries().stream().anyMatch(e -> e.platforms().contains("amoeba-live") && e.paper().equals("douglis1991")),
                "the live systems' cells are registered");
    }

    @Test
    void bothProfilesRunEveryLiveCellButQuickLeavesTheSingleShotsAndAnUnknownLivePlatformIsRefused() {
        List<Workloads> all = Workloads.all();
        long registered = WorkloadRegistry.entries().stream().filter(e -> !e.platforms().isEmpty())
                .flatMap(e -> e.platforms().stream().map(p -> e.benchmark() + e.params() + p)).distinct().count();
        assertEquals(registered, LivePass.select(all, List.of("all"), Profile.FULL).size(), "every live cell of the registry, once");
        assertEquals(List.of(), LivePass.select(all, List.of("all"), Profile.FULL).fullProfileOnly());
        long singleShots = WorkloadRegistry.entries().stream().filter(e -> !e.platforms().isEmpty() && Workloads.byName(e.workload()).singleShot())
                .flatMap(e -> e.platforms().stream().map(p -> e.benchmark() + e.params() + p)).distinct().count();
        assertEquals(8, singleShots, "Andrew's copy and compile on the four live file platforms");
        LivePass quick = LivePass.select(all, List.of("all"), Profile.QUICK);
        assertEquals(registered - singleShots, quick.size(), "quick: every live cell but the single shots");
        assertEquals(List.of("amoeba-bullet-live", "amoeba-bullet-dir-live", "sprite-cache-live", "sprite-nocache-live"),
                quick.fullProfileOnly().stream().map(c -> c.get("platform")).toList(), "left to the full profile, Andrew's on each platform once");
        assertEquals(LivePass.select(all, List.of("all"), Profile.FULL).platforms().stream().sorted().toList(), quick.platforms().stream().sorted().toList(),
                "a platform whose cells are left to the full profile is still the run's, for its cells' rows");
        assertEquals(WorkloadRegistry.entries().stream().flatMap(e -> e.platforms().stream()).collect(java.util.stream.Collectors.toSet()),
                java.util.Set.copyOf(LivePass.select(all, List.of("all"), Profile.QUICK).platforms()), "every live platform (rmem-live's WRITE and CAS too)");
        assertTrue(LivePass.select(all, List.of("none"), Profile.QUICK).isEmpty());
        assertTrue(LivePass.select(List.of(Workloads.byName("select")), List.of("all"), Profile.QUICK).isEmpty(), "select has no live cell");
        assertEquals(List.of("sprite-live"), LivePass.select(List.of(Workloads.byName("getpid")), List.of("all"), Profile.QUICK).platforms());
        org.asfast.spi.UserError error = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class,
                () -> LivePass.select(all, List.of("host"), Profile.QUICK));
        assertTrue(error.getMessage().startsWith("no live cells on 'host'; --live takes all, none or amoeba-live"), error.getMessage());
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

    @Test
    void aBadSpinPropertyIsRefusedInOneLineWhenLiveCellsAreSelectedBeforeTheRunStarts() throws Exception {
        // It reached the live pass's JMH forks and node JVMs, minutes into a run, as an ExceptionInInitializerError.
        SpinProperty.with("-5", () -> {
            org.asfast.spi.UserError error = org.junit.jupiter.api.Assertions.assertThrows(org.asfast.spi.UserError.class,
                    () -> LivePass.select(Workloads.all(), List.of("all"), Profile.QUICK));
            assertEquals("-Dasfast.live.spinMicros=-5 is not a spin: give whole microseconds from 0 (never spin) to 1000000, or leave it unset for 50",
                    error.getMessage());
            assertTrue(LivePass.select(Workloads.all(), List.of("none"), Profile.QUICK).isEmpty(), "a run without live cells does not read it");
        });
    }
}
