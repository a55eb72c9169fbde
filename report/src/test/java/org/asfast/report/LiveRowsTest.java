package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Live cells go under the paper's row in their own column; JMH's sampled calls give the percentiles. */
class LiveRowsTest {
    private static final RowLabel NULL_RPC = new RowLabel("Sun 3/60", "", "0 bytes");

    private static Measurement live(String platform, String config, String column, double ms) {
        return new Measurement("douglis1991", "1a", new RowLabel(platform, "", config), column, "ms", ms, ms * 0.9, ms * 1.1, "live", "RpcLatencyBenchmark");
    }

    @Test
    void liveCellsFillTheirColumnsOfThePaperRowAndASecondDesignInOneColumnGetsALineOfItsOwn() {
        List<Measurement> cells = List.of(live("amoeba-live", "0 bytes", "Amoeba", 0.05), live("sprite-live", "0 bytes", "Sprite", 0.07),
                live("mine-live", "0 bytes", "Amoeba", 0.04), live("amoeba-live", "16384 bytes", "Amoeba", 0.3));
        List<List<Measurement>> lines = LiveRows.lines(cells, "douglis1991", "1a", NULL_RPC, List.of("Amoeba", "Sprite"));
        assertEquals(2, lines.size());
        assertEquals("amoeba-live, sprite-live", LiveRows.platforms(lines.get(0)));
        assertEquals(0.07, lines.get(0).get(1).value());
        assertEquals("mine-live", lines.get(1).get(0).row().machine());
        assertNull(lines.get(1).get(1));
        assertEquals(List.of(), LiveRows.lines(cells, "douglis1991", "1b", NULL_RPC, List.of("Amoeba", "Sprite")), "another table's row");
    }

    @Test
    void aCellShowsItsIntervalOrNaAndItsRatioToThePaper() {
        TableView.Cell cell = LiveRows.cell(live("amoeba-live", "0 bytes", "Amoeba", 0.05), Optional.of(1.1));
        assertEquals("0.0500 ± 0.00500 †", cell.text(), "± 10%: not settled, marked as Ousterhout's figures are");
        assertEquals(true, cell.title().contains("0.0455× the paper's 1.10") && cell.title().contains("not settled: ± 10%"), cell.title());
        Measurement tight = new Measurement("douglis1991", "1a", NULL_RPC, "Amoeba", "ms", 0.05, 0.049, 0.051, "live", "AmoebaBenchmark");
        assertEquals(false, LiveRows.cell(tight, Optional.empty()).text().contains("†"), "± 2%: settled, no mark");
        Measurement na = new Measurement("douglis1991", "3", new RowLabel("amoeba-live", "", "Context switch"), "Amoeba", "ms",
                Double.NaN, Double.NaN, Double.NaN, RunDerivation.NOT_AVAILABLE, "amoeba-live has no Threads");
        assertEquals("n/a", LiveRows.cell(na, Optional.of(0.5)).text());
    }

    @Test
    void percentilesComeFromJmhsSampleHistogramInNanoseconds() throws Exception {
        // two forks, 98 calls of 10 us, one of 100 us and one of 1000 us
        String metric = "{\"scoreUnit\": \"us/op\", \"rawDataHistogram\": [[[[10.0, 50], [100.0, 1]]], [[[10.0, 48], [1000.0, 1]]]]}";
        Histogram h = LiveRows.histogram(new ObjectMapper().readTree(metric));
        assertEquals(100, h.getTotalCount());
        assertEquals(10_000, h.getValueAtPercentile(50), 10);
        assertEquals(100_000, h.getValueAtPercentile(99), 100);
        assertEquals(1_000_000, h.getValueAtPercentile(99.9), 1000);
    }
}
