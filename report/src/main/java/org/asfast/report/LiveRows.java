package org.asfast.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.asfast.spi.PlatformKind;

/**
 * The live systems' cells of a run beside the papers' (a live row under a paper row, in the paper's own columns),
 * and the live null round trips against the C UDP ping-pong on the same loopback, with their percentiles.
 */
final class LiveRows {
    static final String KIND = PlatformKind.LIVE.label();

    private LiveRows() {
    }

    /** The run's cells that live platforms filled, could not ("n/a"), or that were derived from those, in other papers' tables. */
    static List<Measurement> of(Run run, List<Measurement> cells) {
        // Other papers' derived cells are a live row's own (Thekkath's notification overhead: two live Writes' difference).
        return cells.stream().filter(m -> !m.paper().equals(OusterhoutTables.PAPER) && platformKind(run, m) == PlatformKind.LIVE).toList();
    }

    private static PlatformKind platformKind(Run run, Measurement m) {
        try {
            return run.kindOf(m.row());
        } catch (IllegalStateException notOfThisRun) {
            return null;
        }
    }

    /**
     * The live lines under a paper row: each live cell in its column, one line while no two platforms fill one
     * column, another line for the next (several live designs in one column).
     */
    static List<List<Measurement>> lines(List<Measurement> live, String paper, String table, RowLabel row, List<String> columns) {
        List<List<Measurement>> lines = new ArrayList<>();
        for (Measurement m : live) {
            int column = columns.indexOf(m.column());
            if (!m.paper().equals(paper) || !m.table().equals(table) || column < 0 || !m.row().os().equals(row.os()) || !m.row().config().equals(row.config())) {
                continue;
            }
            List<Measurement> free = lines.stream().filter(l -> l.get(column) == null).findFirst().orElse(null);
            if (free == null) {
                free = new ArrayList<>(java.util.Collections.nCopies(columns.size(), (Measurement) null));
                lines.add(free);
            }
            free.set(column, m);
        }
        return lines;
    }

    /** A live cell: its mean ± half its 99.9% interval, or "n/a" where the platform lacks the capability, or "full profile only". */
    static TableView.Cell cell(Measurement m, Optional<Double> printed) {
        if (RunDerivation.unmeasured(m)) {
            return new TableView.Cell(m.origin(), Double.NaN, Double.NaN, Double.NaN, KIND + " na", m.benchmark());
        }
        String ratio = printed.map(p -> String.format(Locale.ROOT, "; %.3g× the paper's %s", m.value() / p, Numbers.readable(p))).orElse("");
        boolean settled = Settling.settled(m);
        double half = Settling.relativeHalfWidth(m.value(), m.low(), m.high());
        String unsettled = settled ? "" : Double.isFinite(half) ? String.format(Locale.ROOT, "; not settled: ± %.0f%%", 100 * half) : "; not settled: no interval";
        return new TableView.Cell(Numbers.readable(m.value()) + m.intervalText() + (settled ? "" : " " + Settling.MARK), m.value(), m.low(), m.high(), KIND,
                "live on " + m.row().machine() + " (this computer, UDP on 127.0.0.1), wall clock by JMH, ± half the 99.9% interval; " + m.benchmark() + ratio
                        + unsettled);
    }

    /** A live cell the paper has no value for: a prediction nothing can check yet, labelled as the simulated ones are. */
    static TableView.Cell unchecked(Measurement m) {
        TableView.Cell cell = cell(m, Optional.empty());
        return new TableView.Cell(cell.text(), cell.value(), cell.low(), cell.high(), cell.css() + " unchecked", cell.title() + "; " + SimulatedCells.NO_PAPER_VALUE);
    }

    static String platforms(List<Measurement> line) {
        return String.join(", ", line.stream().filter(java.util.Objects::nonNull).map(m -> m.row().machine()).distinct().toList());
    }

    static final String NOTE = "Live rows: the system's nodes run on this computer, the server in a JVM of its own, UDP on 127.0.0.1,"
            + " timed by JMH (± half the 99.9% interval); n/a where the live platform lacks the capability; \"full profile only\" where a quick"
            + " run left single shots to the full profile; " + Settling.MARK + " marks a figure not settled (half its interval over "
            + Math.round(Settling.LIMIT * 100) + "% of it: the machine was busy or the run short). Hover for the paper's value.";

    // ---- the floor ----

    /** One live null round trip's figures, in microseconds. */
    record RoundTrip(String label, double mean, double p50, double p99, double p999, long samples) {
    }

    /**
     * The live null round trips of the run (sampled call by call: JMH's sample mode, whose histogram HdrHistogram
     * reads for the percentiles) against the C ping-pong's; null if the run has no floor.
     */
    static TableView floorView(Run run) {
        JsonNode floor = run.environment().path("liveFloor");
        if (!floor.isObject()) {
            return null;
        }
        JsonNode c = floor.path("c");
        RoundTrip cFloor = c.isObject() ? new RoundTrip("C UDP ping-pong, 16-byte datagrams (the floor)", c.path("meanNs").asDouble() / 1e3,
                c.path("p50Ns").asDouble() / 1e3, c.path("p99Ns").asDouble() / 1e3, c.path("p999Ns").asDouble() / 1e3, c.path("rounds").asLong()) : null;
        List<TableView.Row> rows = new ArrayList<>();
        if (cFloor != null) {
            rows.add(row(cFloor, cFloor, "measured", "C, " + floor.path("compiler").asText()));
        }
        for (RoundTrip live : nullRoundTrips(run)) {
            rows.add(row(live, cFloor, KIND, "live, JMH sample mode"));
        }
        String notes = (cFloor == null ? floor.path("missing").asText("the C floor is missing") + ". " : "")
                + "Null round trips on this computer's loopback, measured in the same run: the C program (tools/live/udp_pingpong.c, two processes,"
                + " each polling its socket, as the live nodes do before they block) sends what the live runtime sends for a null call (8 bytes and its 8-byte header each way); the live rows add the"
                + " system's protocol and the JVM. Percentiles from each call's time (HdrHistogram over JMH's samples). Goal: live null RPC within 1.5× the floor.";
        return new TableView("live-floor", "live", "floor", "Live null RPC against the C UDP floor (this computer)", "run " + run.id(),
                List.of("mean (µs)", "p50 (µs)", "p99 (µs)", "p99.9 (µs)", "calls", "mean / floor", "p50 / floor"), rows, null, notes);
    }

    private static TableView.Row row(RoundTrip r, RoundTrip floor, String kind, String source) {
        List<TableView.Cell> cells = new ArrayList<>();
        for (double v : new double[] {r.mean(), r.p50(), r.p99(), r.p999()}) {
            cells.add(new TableView.Cell(Numbers.readable(v), v, Double.NaN, Double.NaN, kind, source));
        }
        cells.add(new TableView.Cell(Long.toString(r.samples()), r.samples(), Double.NaN, Double.NaN, kind, ""));
        for (double ratio : floor == null ? new double[] {Double.NaN, Double.NaN} : new double[] {r.mean() / floor.mean(), r.p50() / floor.p50()}) {
            cells.add(Double.isNaN(ratio) ? TableView.Cell.empty()
                    : new TableView.Cell(String.format(Locale.ROOT, "%.2f", ratio), ratio, Double.NaN, Double.NaN, kind, "ratio to the C floor"));
        }
        return new TableView.Row(r.label(), kind, source, cells);
    }

    /** Every sampled null call of a live platform, and the live runtime's own round trip, from the run's jmh.json. */
    static List<RoundTrip> nullRoundTrips(Run run) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(run.dir().resolve(Run.JMH_FILE).toFile());
        } catch (IOException e) {
            return List.of();
        }
        List<RoundTrip> trips = new ArrayList<>();
        for (JsonNode result : root) {
            Map<String, String> params = new LinkedHashMap<>();
            result.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            String platform = params.get("platform");
            boolean runtime = result.path("benchmark").asText().endsWith("LiveRoundTripBenchmark.roundTrip");
            // a null call that crosses the loopback (V's local transaction stays in the client's JVM: no floor under it)
            boolean isNull = ("0".equals(params.get("bytes")) || "0".equals(params.get("kbytes")) || "null".equals(params.get("transfer")))
                    && !"LOCAL".equals(params.get("where"));
            boolean live = runtime || platform != null && kindOf(run, platform) == PlatformKind.LIVE;
            if (!live || !isNull || !result.path("mode").asText().equals("sample")) {
                continue;
            }
            Histogram histogram = histogram(result.path("primaryMetric"));
            if (histogram.getTotalCount() == 0) {
                continue;
            }
            String benchmark = result.path("benchmark").asText();
            StringBuilder label = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
            label.append(runtime ? " (the live runtime alone, no protocol" : " (" + platform);
            params.forEach((k, v) -> {
                if (!k.equals("platform") && !k.equals("spinMicros")) {
                    label.append(", ").append(k).append('=').append(v);
                }
            });
            trips.add(new RoundTrip(label.append(')').toString(), histogram.getMean() / 1e3, histogram.getValueAtPercentile(50) / 1e3,
                    histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3, histogram.getTotalCount()));
        }
        return trips;
    }

    private static PlatformKind kindOf(Run run, String platform) {
        try {
            return run.kind(platform);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** JMH's sampled times (rawDataHistogram: per fork, per iteration, [time, count] pairs in the score's unit) in nanoseconds. */
    static Histogram histogram(JsonNode metric) {
        double nanosPerUnit = switch (metric.path("scoreUnit").asText()) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> Double.NaN;
        };
        Histogram histogram = new Histogram(3);
        if (Double.isNaN(nanosPerUnit)) {
            return histogram;
        }
        for (JsonNode fork : metric.path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                for (JsonNode pair : iteration) {
                    long nanos = Math.max(1, Math.round(pair.path(0).asDouble() * nanosPerUnit));
                    histogram.recordValueWithCount(nanos, pair.path(1).asLong());
                }
            }
        }
        return histogram;
    }
}
