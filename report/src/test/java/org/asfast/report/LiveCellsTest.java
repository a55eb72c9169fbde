package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.asfast.spi.PlatformKind;
import org.junit.jupiter.api.Test;

/** A live system's results fill the paper's rows the registry names, in the system's column, and the text figures that repeat them. */
class LiveCellsTest {
    private static Run run(List<JmhResult> results) throws Exception {
        String environment = """
                {"schema": "asfast-environment/2", "runId": "live", "hostMips": {"mips": 1000},
                 "platforms": {"amoeba-live": {"kind": "live"}, "sprite-live": {"kind": "live"}},
                 "notAvailable": [{"workload": "getpid", "platform": "amoeba-live", "capability": "KernelEntry"}]}""";
        return new Run("live", Path.of("."), new ObjectMapper().readTree(environment), results);
    }

    private static JmhResult result(String benchmark, Map<String, String> params, double score, String unit, Map<String, Double> secondary) {
        return new JmhResult(benchmark, params, score, score * 0.9, score * 1.1, unit, 10, secondary);
    }

    @Test
    void aLiveResultFillsItsSystemsColumnAndTheTextFiguresThatRepeatIt() throws Exception {
        Run run = run(List.of(
                result("org.asfast.jmh.RpcLatencyBenchmark.call", Map.of("platform", "amoeba-live", "level", "KERNEL", "bytes", "0"), 50, "us/op", Map.of()),
                result("org.asfast.jmh.RpcLatencyBenchmark.call", Map.of("platform", "sprite-live", "level", "KERNEL", "bytes", "0"), 70, "us/op", Map.of()),
                result("org.asfast.jmh.KernelBandwidthBenchmark.call", Map.of("platform", "sprite-live"), 20, "ms/op", Map.of("bytes", 16384.0, "operations", 1.0))));
        List<Measurement> cells = RunDerivation.measurements(run, Baselines.load(ReportFixtures.BASELINES));
        Map<String, Double> values = new java.util.TreeMap<>();
        cells.forEach(m -> values.put(String.join(" | ", m.paper(), m.table(), m.row().toString(), m.column(), m.unit(), m.origin()), m.value()));
        assertEquals(Map.of(
                "douglis1991 | 1a | " + new RowLabel("amoeba-live", "", "0 bytes") + " | Amoeba | ms | live", 0.05,
                "douglis1991 | text | " + new RowLabel("amoeba-live", "Amoeba", "") + " | null RPC between kernels | ms | live", 0.05,
                "douglis1991 | 1a | " + new RowLabel("sprite-live", "", "0 bytes") + " | Sprite | ms | live", 0.07,
                "douglis1991 | text | " + new RowLabel("sprite-live", "Sprite", "") + " | null RPC between kernels | ms | live", 0.07,
                "douglis1991 | text | " + new RowLabel("sprite-live", "Sprite", "") + " | maximum kernel-to-kernel bandwidth | KB/s | live", 16384 / 1024.0 / 0.02,
                "ousterhout1990 | 2 | " + new RowLabel("amoeba-live", "", "") + " | Time | us | n/a", Double.NaN), values);
        for (Measurement m : cells) {
            assertEquals(PlatformKind.LIVE, run.kindOf(m.row()), m.toString());
        }
        assertEquals(5, LiveRows.of(run, cells).size(), "the live cells of other papers' tables");
    }

    @Test
    void liveCellsAQuickRunLeftToTheFullProfileSaySoInTheirSystemsColumnOnly() throws Exception {
        String environment = """
                {"schema": "asfast-environment/2", "runId": "quick", "hostMips": {"mips": 1000},
                 "platforms": {"sprite-cache-live": {"kind": "live"}},
                 "fullProfileOnly": [{"workload": "andrew", "platform": "sprite-cache-live"}]}""";
        Run run = new Run("quick", Path.of("."), new ObjectMapper().readTree(environment), List.of());
        List<Measurement> cells = RunDerivation.measurements(run, Baselines.load(ReportFixtures.BASELINES));
        assertEquals(List.of("douglis1991 Andrew Copy Sprite CACHE", "douglis1991 Andrew Compile Sprite CACHE"),
                cells.stream().map(m -> String.join(" ", m.paper(), m.table(), m.row().config(), m.column())).toList(),
                "the registry's cells named for the platform, not its own row in Ousterhout's Table 7");
        for (Measurement m : cells) {
            assertEquals(RunDerivation.FULL_PROFILE_ONLY, m.origin());
            assertTrue(RunDerivation.unmeasured(m) && Double.isNaN(m.value()));
            TableView.Cell shown = LiveRows.unchecked(m);
            assertEquals("full profile only", shown.text());
            assertTrue(shown.title().contains("./asfast verify --full") && shown.title().contains("prediction, no paper value"), shown.title());
        }
        assertEquals(2, LiveRows.of(run, cells).size());
    }

    @Test
    void rmemsThroughputIsInMegabitsAndItsNotificationOverheadIsTheNotifiedWriteLessThePlainOne() throws Exception {
        String environment = """
                {"schema": "asfast-environment/2", "runId": "live", "hostMips": {"mips": 1000}, "platforms": {"rmem-live": {"kind": "live"}}}""";
        Run run = new Run("live", Path.of("."), new ObjectMapper().readTree(environment), List.of(
                result("org.asfast.jmh.RemoteWriteBenchmark.write", Map.of("platform", "rmem-live", "notify", "false"), 12, "us/op", Map.of()),
                result("org.asfast.jmh.RemoteWriteBenchmark.write", Map.of("platform", "rmem-live", "notify", "true"), 20, "us/op", Map.of()),
                result("org.asfast.jmh.BlockWriteBenchmark.writeBlocks", Map.of("platform", "rmem-live"), 500, "us/op",
                        Map.of("bytes", 32768.0 * 4, "operations", 4.0))));
        List<Measurement> cells = RunDerivation.measurements(run, Baselines.load(ReportFixtures.BASELINES));
        Map<String, Measurement> byCell = new java.util.TreeMap<>();
        cells.forEach(m -> byCell.put(m.row().config() + " | " + m.column(), m));
        assertEquals(java.util.Set.of("Latency | Write", "Latency with notification | Write", "Throughput | all operations",
                "Notification Overhead | all operations"), byCell.keySet());
        Measurement throughput = byCell.get("Throughput | all operations");
        assertEquals("Mb/s", throughput.unit());
        assertEquals(32768 * 8 / 500.0, throughput.value(), 1e-9, "32 Kbytes in 500 us: bits per microsecond are 10^6 bits per second");
        Measurement overhead = byCell.get("Notification Overhead | all operations");
        assertEquals(8, overhead.value(), 1e-12, "20 us less 12 us");
        assertEquals(Math.hypot(2.0, 1.2), (overhead.high() - overhead.low()) / 2, 1e-9, "the half-widths (10% of each) in quadrature");
        assertEquals("derived", overhead.origin());
        assertEquals("us", overhead.unit());
        assertEquals(PlatformKind.LIVE, run.kindOf(overhead.row()));
        assertEquals(4, LiveRows.of(run, cells).size(), "the overhead is shown in the live row too");
    }

    private static Measurement write(String config, String platform, double value, double half) {
        return new Measurement(RunDerivation.THEKKATH, "2", new RowLabel("host", "Linux", config), "Write", "us", value, value - half, value + half, "live",
                "org.asfast.jmh.RemoteWriteBenchmark.write(notify=" + config.equals(RunDerivation.LATENCY_NOTIFIED) + ", platform=" + platform + ")");
    }

    @Test
    void aNotificationOverheadPairsWritesOfOnePlatformHasNoIntervalWhenASideHasNoneAndSaysWhenItIsNotAboveZero() {
        String notified = RunDerivation.LATENCY_NOTIFIED, plain = RunDerivation.LATENCY;
        Measurement clear = RunDerivation.notificationOverheads(List.of(write(notified, "a", 20, 1), write(plain, "b", 5, 1), write(plain, "a", 12, 1))).getFirst();
        assertEquals(8, clear.value(), 1e-12, "paired with platform a's plain Write, not b's");
        assertEquals(Math.sqrt(2), (clear.high() - clear.low()) / 2, 1e-12);
        assertTrue(clear.benchmark().endsWith("platform=a)"), clear.benchmark());
        assertEquals(List.of(), RunDerivation.notificationOverheads(List.of(write(notified, "a", 20, 1), write(plain, "b", 12, 1))), "no pair across platforms");
        Measurement oneSided = RunDerivation.notificationOverheads(List.of(write(notified, "a", 20, Double.NaN), write(plain, "a", 12, 1))).getFirst();
        assertFalse(oneSided.hasInterval(), "a side without an interval leaves the difference without one, not a narrow one: " + oneSided);
        Measurement negative = RunDerivation.notificationOverheads(List.of(write(notified, "a", 10, 1), write(plain, "a", 12, 1))).getFirst();
        assertTrue(negative.value() < 0 && negative.benchmark().contains("(negative:"), negative.benchmark());
        Measurement crossing = RunDerivation.notificationOverheads(List.of(write(notified, "a", 13, 1), write(plain, "a", 12, 1))).getFirst();
        assertTrue(crossing.benchmark().contains("interval reaches 0"), crossing.benchmark());
        assertFalse(clear.benchmark().contains("(negative") || clear.benchmark().contains("reaches 0"), clear.benchmark());
    }
}
