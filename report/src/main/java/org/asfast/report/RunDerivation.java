package org.asfast.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns a run's JMH results into cells of Ousterhout's tables: converts units (time per operation to
 * µs, ms, s or Mbytes/s), adds Table 7's total, and computes each table's MIPS-relative column
 * against the MVAX2 rows of the baselines with the host MIPS recorded in the run.
 */
public final class RunDerivation {
    /** Ousterhout's "Mbytes": 2^20 bytes. */
    public static final double MBYTE = 1 << 20;

    private record Mapping(String benchmark, Map<String, String> params, String table, String column, String unit, String conversion, String variant) {
        boolean matches(JmhResult result) {
            return result.benchmark().equals(benchmark)
                    && params.entrySet().stream().allMatch(e -> e.getValue().equals(result.params().get(e.getKey())));
        }
    }

    private static final List<Mapping> MAPPINGS = loadMappings();

    private RunDerivation() {
    }

    /** Every cell this run fills, measured ones first, then the derived ones. */
    public static List<Measurement> measurements(Run run, Baselines baselines) {
        List<Measurement> measured = new ArrayList<>();
        for (JmhResult result : run.results()) {
            mappingFor(result).ifPresent(m -> measured.add(convert(run, result, m)));
        }
        List<Measurement> all = new ArrayList<>(measured);
        all.addAll(andrewTotals(measured));
        all.addAll(mipsRelative(run, baselines, all));
        return all;
    }

    static Optional<Mapping> mappingFor(JmhResult result) {
        return MAPPINGS.stream().filter(m -> m.matches(result)).findFirst();
    }

    private static Measurement convert(Run run, JmhResult result, Mapping m) {
        java.util.OptionalDouble virtual = result.virtualNanosPerOperation();
        if (virtual.isPresent()) {
            // A modelled platform: its virtual time is the result, exact, with no interval.
            result = new JmhResult(result.benchmark(), result.params(), virtual.getAsDouble(), Double.NaN, Double.NaN, "ns/op",
                    result.samples(), result.secondary());
        }
        double toSeconds = result.secondsPerUnit();
        double value;
        double low;
        double high;
        if (m.conversion().startsWith("bandwidth ")) {
            String key = m.conversion().substring("bandwidth ".length());
            double bytesPerOp = run.environment().path("workloadParameters").path(key).asDouble(Double.NaN);
            if (Double.isNaN(bytesPerOp)) {
                throw new org.asfast.spi.UserError("run " + run.id() + " does not record workloadParameters." + key
                        + " in environment.json, so its bandwidth cannot be computed; re-run the benchmark");
            }
            value = bytesPerOp / (result.score() * toSeconds) / MBYTE;
            low = bytesPerOp / (result.high() * toSeconds) / MBYTE;   // a longer time is a lower bandwidth
            high = bytesPerOp / (result.low() * toSeconds) / MBYTE;
        } else {
            double scale = toSeconds / secondsIn(m.unit());
            value = result.score() * scale;
            low = result.low() * scale;
            high = result.high() * scale;
        }
        return new Measurement(m.table(), run.row(m.variant(), result.params().getOrDefault("platform", "host")), m.column(), m.unit(),
                value, low, high, virtual.isPresent() ? "modelled" : "measured", result.benchmark() + paramsText(result));
    }

    /** Table 7: Total = Copy + Compile, with the two intervals' half-widths added in quadrature. */
    private static List<Measurement> andrewTotals(List<Measurement> measured) {
        List<Measurement> totals = new ArrayList<>();
        for (Measurement copy : measured) {
            if (!copy.table().equals("7") || !copy.column().equals("Copy")) {
                continue;
            }
            measured.stream().filter(c -> c.table().equals("7") && c.column().equals("Compile") && c.row().equals(copy.row()))
                    .findFirst().ifPresent(compile -> {
                        double value = copy.value() + compile.value();
                        double half = Math.hypot(halfWidth(copy), halfWidth(compile));
                        totals.add(new Measurement("7", copy.row(), "Total", "s", value, value - half, value + half, "derived", "Copy + Compile"));
                    });
        }
        return totals;
    }

    private static List<Measurement> mipsRelative(Run run, Baselines baselines, List<Measurement> cells) {
        OusterhoutTables tables = new OusterhoutTables(baselines);
        double mips = run.hostMips();
        List<Measurement> derived = new ArrayList<>();
        for (Measurement cell : cells) {
            OusterhoutTables.Definition def = OusterhoutTables.DEFINITIONS.get(cell.table());
            // Only the host's MIPS rating is known to a run; a modelled platform's row will bring its machine's.
            if (def == null || !cell.column().equals(def.basis()) || !cell.row().machine().equals("host")) {
                continue;
            }
            if (def.kind() == OusterhoutTables.Kind.SUM) {
                boolean remote = cell.row().isRemote();
                derived.add(new Measurement("8", cell.row(), remote ? "MIPS-Relative Speed (Remote)" : "MIPS-Relative Speed (Local)", "ratio",
                        tables.andrewMipsRelative(mips, cell.value(), remote), Double.NaN, Double.NaN, "derived",
                        "Table 7 Total against MVAX2 Ultrix 3.0 " + (remote ? "NFS" : "Local")));
                continue;
            }
            tables.derive(cell.table(), cell.row(), cell.value(), mips).ifPresent(value -> derived.add(new Measurement(
                    cell.table(), cell.row(), def.derived(), def.kind() == OusterhoutTables.Kind.PER_MIPS ? "MB/s per MIPS" : "ratio",
                    value, Double.NaN, Double.NaN, "derived",
                    def.kind() + " of '" + def.basis() + "' against " + OusterhoutTables.reference(cell.table(), cell.row()) + ", host " + Math.round(mips) + " MIPS")));
        }
        return derived;
    }

    static double halfWidth(Measurement m) {
        return m.hasInterval() ? (m.high() - m.low()) / 2 : 0;
    }

    private static double secondsIn(String unit) {
        return switch (unit) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            default -> throw new IllegalArgumentException("not a time unit: " + unit);
        };
    }

    private static String paramsText(JmhResult result) {
        StringBuilder text = new StringBuilder();
        result.params().forEach((k, v) -> text.append(text.isEmpty() ? "(" : ", ").append(k).append('=').append(v));
        return text.isEmpty() ? "" : text.append(')').toString();
    }

    private static List<Mapping> loadMappings() {
        try (Reader reader = new InputStreamReader(RunDerivation.class.getResourceAsStream("measures.csv"), StandardCharsets.UTF_8)) {
            List<Mapping> mappings = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                Map<String, String> params = new java.util.LinkedHashMap<>();
                for (String pair : r.get("params").split(";")) {
                    if (!pair.isBlank()) {
                        params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                    }
                }
                mappings.add(new Mapping(r.get("benchmark"), params, r.get("table"), r.get("column"), r.get("unit"), r.get("conversion"), r.get("variant")));
            }
            return List.copyOf(mappings);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
