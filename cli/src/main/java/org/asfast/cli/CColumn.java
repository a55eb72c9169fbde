package org.asfast.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asfast.host.CCompiler;
import org.asfast.host.CLoops;
import org.asfast.spi.FileTrees;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The C column: right after the JMH run, the host workloads' loops in C, in the same target
 * directory at the same sizes, once with one thread (the paper's processes) and once shaped like
 * the JMH forks (their thread count and descriptor numbers). The result is cbench.json, whose
 * figures are in JMH's own result format so that the report reads them as it reads jmh.json.
 */
final class CColumn {
    static final String SCHEMA = "asfast-cbench/1";
    /** The 99.9% interval, as JMH computes its own. */
    private static final double CONFIDENCE = 0.999;

    private CColumn() {
    }

    /** The workloads of this run that have C loops, by their --workload names. */
    static List<String> cWorkloads(List<Workloads> workloads) {
        return workloads.stream().map(Workloads::userName).filter(CLoops.WORKLOADS::contains).toList();
    }

    /**
     * Compiles and runs the C loops for these workloads in {@code scratchRoot} (the run's scratch
     * directory, on the target file system); returns cbench.json's content. Without a C compiler, or
     * if the program fails, the content says why and one line is printed.
     */
    static Map<String, Object> measure(List<String> workloads, Path scratchRoot, Profile profile, Map<String, Object> sizes,
                                       ForkSampler.Shape jvm, PrintStream out) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", SCHEMA);
        json.put("program", "tools/cbench/ousterhout.c");
        Path bin = scratchRoot.resolve("cbench-bin");
        try {
            Files.createDirectories(bin);
            json.put("compiler", CCompiler.version());
            json.put("flags", String.join(" ", CLoops.FLAGS));
            json.put("target", scratchRoot.toString());
            Path program = CLoops.compile(bin);
            int threads = jvm.samples() > 0 ? jvm.threads() : ownThreads();
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("threads", threads);
            shape.put("descriptors", jvm.descriptors());
            shape.put("how", jvm.samples() > 0
                    ? "sampled from /proc once a second while the JMH forks ran (" + jvm.samples() + " samples): the most threads seen, the median count of open descriptors"
                    : "no JMH fork was sampled (the run was too short); the thread count is the asfast JVM's own");
            json.put("jvm", shape);
            List<Map<String, Object>> variants = new ArrayList<>();
            for (int[] variant : List.of(new int[] {1, 0}, new int[] {threads, jvm.descriptors()})) {
                out.printf("asfast: measuring the same loops in C with %d thread%s ...%n", variant[0], variant[0] == 1 ? "" : "s");
                CLoops.Settings settings = new CLoops.Settings(variant[0], variant[1], profile.cTrialMillis, profile.cTrials,
                        number(sizes, "bcopy.CACHED"), number(sizes, "bcopy.UNCACHED"), number(sizes, "read.file"), workloads);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", variant[0] == 1 ? "C, 1 thread" : "C, " + variant[0] + " threads");
                v.put("threads", variant[0]);
                v.put("descriptorBase", variant[1]);
                v.put("trialMillis", profile.cTrialMillis);
                v.put("results", CLoops.run(program, scratchRoot, settings).stream().map(f -> jmhResult(f, bytesPerOperation(f, settings))).toList());
                variants.add(v);
            }
            json.put("variants", variants);
        } catch (CCompiler.Unavailable | java.io.IOException e) {
            String why = "the C column is missing: " + e.getMessage();
            out.println("asfast: " + why);
            Map<String, Object> missing = new LinkedHashMap<>();
            missing.put("schema", SCHEMA);
            missing.put("missing", why);
            return missing;
        } finally {
            FileTrees.delete(bin);
        }
        return json;
    }

    private static long number(Map<String, Object> sizes, String key) {
        return ((Number) sizes.get(key)).longValue();
    }

    /** The bytes one operation of a C loop moves, as the Java benchmark counts them for its bandwidth; 0 for the others. */
    static long bytesPerOperation(CLoops.Figure figure, CLoops.Settings settings) {
        return switch (figure.benchmark()) {
            case "org.asfast.jmh.BcopyBenchmark.bcopy" -> "CACHED".equals(figure.params().get("size")) ? settings.cachedBytes() : settings.uncachedBytes();
            case "org.asfast.jmh.ReadBenchmark.read" -> org.asfast.workloads.ReadFile.BLOCK_BYTES;
            default -> 0;
        };
    }

    /** One C figure as an entry of JMH's JSON format: mean, 99.9% interval, every trial, and the bytes per operation. */
    static Map<String, Object> jmhResult(CLoops.Figure figure, long bytesPerOperation) {
        double[] trials = figure.nanosPerOp().stream().mapToDouble(Double::doubleValue).toArray();
        ListStatistics stats = new ListStatistics(trials);
        double[] interval = stats.getN() > 2 ? stats.getConfidenceIntervalAt(CONFIDENCE) : new double[] {Double.NaN, Double.NaN};
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("score", stats.getMean());
        metric.put("scoreError", stats.getN() > 2 ? stats.getMeanErrorAt(CONFIDENCE) : "NaN");
        metric.put("scoreConfidence", List.of(finiteOrText(interval[0]), finiteOrText(interval[1])));
        metric.put("scoreUnit", "ns/op");
        metric.put("rawData", List.of(figure.nanosPerOp()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", figure.benchmark());
        result.put("mode", "avgt");
        result.put("params", figure.params());
        result.put("primaryMetric", metric);
        result.put("secondaryMetrics", bytesPerOperation == 0 ? Map.of()
                : Map.of("operations", count(1), "bytes", count(bytesPerOperation)));
        return result;
    }

    /** A secondary result as JMH writes a counter. */
    private static Map<String, Object> count(double value) {
        return Map.of("score", value, "scoreError", "NaN", "scoreConfidence", List.of(value, value), "scoreUnit", "#");
    }

    /** JSON has no NaN; JMH writes it as the string "NaN", and so do we. */
    private static Object finiteOrText(double value) {
        return Double.isFinite(value) ? value : "NaN";
    }

    private static int ownThreads() {
        try {
            return Math.max(1, ForkSampler.threadsOf(Files.readAllLines(Path.of("/proc/self/status"))));
        } catch (java.io.IOException e) {
            return Thread.activeCount();
        }
    }
}
