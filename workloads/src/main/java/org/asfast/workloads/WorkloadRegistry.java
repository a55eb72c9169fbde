package org.asfast.workloads;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asfast.spi.UserError;

/**
 * Which benchmark fills which paper cell, read once from {@code workloads.csv} beside this class: one row per cell. The
 * run command, the modelled machines and the report all read it, so adding a workload is its file, its JMH class and
 * its rows there.
 */
public final class WorkloadRegistry {
    static final String FILE = "workloads.csv";
    private static final List<Entry> ENTRIES = read();

    private WorkloadRegistry() {
    }

    /**
     * One cell a benchmark fills.
     *
     * @param workload   the name users give to {@code --workload}
     * @param benchmark  the JMH benchmark method, e.g. {@code org.asfast.jmh.GetpidBenchmark.getpid}
     * @param params     the @Param values that give this cell (the platform aside)
     * @param paper      the paper's key, as in results/baselines/index.csv
     * @param table      the paper's table id as printed
     * @param column     the paper's column
     * @param unit       the cell's unit: us, ms or s for a time, MB/s, KB/s or Mb/s (10^6 bits) for a bandwidth
     * @param conversion {@code time} or {@code bandwidth} (bytes per operation over time per operation)
     * @param variant    added to the row's configuration for a cell the paper does not have; "" for the paper's own
     * @param files      true if the workload uses files: only those run on remote configurations
     * @param warmups    operations before the measured ones on a modelled platform
     * @param measured   measured operations on a modelled platform
     * @param row        the paper's row ({@code machine | os | config}) this cell is in, for a platform that fills a paper's row
     *                   of its own kind (a live system in Douglis's columns); empty: the platform's own row (Ousterhout's tables)
     * @param platforms  the only platforms the cell runs on (a live system's); empty: every platform of the run
     */
    public record Entry(String workload, String benchmark, Map<String, String> params, String paper, String table, String column,
                        String unit, String conversion, String variant, boolean files, int warmups, int measured,
                        List<String> row, List<String> platforms) {

        /** True for a cell measured on every platform of the run (host, modelled), false for one named platforms fill. */
        public boolean everywhere() {
            return platforms.isEmpty();
        }

        /** True if this cell is filled by a result on {@code platform}. */
        public boolean runsOn(String platform) {
            return platforms.isEmpty() || platforms.contains(platform);
        }

        /** The JMH class that holds the benchmark method. */
        public String benchmarkClass() {
            return benchmark.substring(0, benchmark.lastIndexOf('.'));
        }

        /** True for a cell of the paper's own (not a variant measured only on this computer). */
        public boolean papers() {
            return variant.isEmpty();
        }

        /** True if a JMH result of {@code benchmark} with these parameters (and any others) is this cell's. */
        public boolean matches(String resultBenchmark, Map<String, String> resultParams) {
            return benchmark.equals(resultBenchmark) && params.entrySet().stream().allMatch(e -> e.getValue().equals(resultParams.get(e.getKey())));
        }
    }

    /** Every cell, in file order. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The workloads' names, in file order. */
    public static List<String> workloads() {
        return ENTRIES.stream().map(Entry::workload).distinct().toList();
    }

    /** The cells of one workload; a {@link UserError} naming the workloads for an unknown one. */
    public static List<Entry> of(String workload) {
        List<Entry> found = ENTRIES.stream().filter(e -> e.workload().equals(workload)).toList();
        if (found.isEmpty()) {
            throw new UserError("unknown workload '" + workload + "'; choose from " + String.join(", ", workloads()));
        }
        return found;
    }

    private static List<Entry> read() {
        try (Reader reader = new InputStreamReader(WorkloadRegistry.class.getResourceAsStream(FILE), StandardCharsets.UTF_8)) {
            List<Entry> entries = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                entries.add(entry(r));
            }
            checkWorkloadsAgree(entries);
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry entry(CSVRecord r) {
        String where = FILE + " line " + r.getRecordNumber();
        if (!r.isConsistent()) {
            throw new IllegalStateException(where + " does not have the file's columns");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : r.get("params").split(";")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(where + ": params '" + pair + "' is not key=value");
                }
                params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        String conversion = r.get("conversion");
        if (!conversion.equals("time") && !conversion.equals("bandwidth")) {
            throw new IllegalStateException(where + ": conversion is time or bandwidth, not '" + conversion + "'");
        }
        List<String> row = r.get("row").isBlank() ? List.of() : java.util.Arrays.stream(r.get("row").split("\\|", -1)).map(String::trim).toList();
        if (!row.isEmpty() && row.size() != 3) {
            throw new IllegalStateException(where + ": row is 'machine | os | config', not '" + r.get("row") + "'");
        }
        List<String> platforms = r.get("platforms").isBlank() ? List.of() : List.of(r.get("platforms").trim().split("\\s+"));
        String[] runs = r.get("model_runs").split("/");
        if (runs.length != 2) {
            throw new IllegalStateException(where + ": model_runs is warm-up/measured, e.g. 10/100, not '" + r.get("model_runs") + "'");
        }
        return new Entry(r.get("workload"), r.get("benchmark"), params, r.get("paper"), r.get("table"), r.get("column"), r.get("unit"),
                conversion, r.get("variant"), r.get("files").equals("yes"), Integer.parseInt(runs[0].trim()), Integer.parseInt(runs[1].trim()),
                row, platforms);
    }

    /** A workload is one JMH class, uses files or not, and runs one number of operations on the modelled machines. */
    private static void checkWorkloadsAgree(List<Entry> entries) {
        Map<String, Entry> first = new LinkedHashMap<>();
        for (Entry e : entries) {
            Entry f = first.putIfAbsent(e.workload(), e);
            if (f != null && (!f.benchmarkClass().equals(e.benchmarkClass()) || f.files() != e.files() || f.warmups() != e.warmups() || f.measured() != e.measured())) {
                throw new IllegalStateException(FILE + ": the rows of workload '" + e.workload() + "' disagree on its JMH class, files or model_runs");
            }
        }
    }
}
