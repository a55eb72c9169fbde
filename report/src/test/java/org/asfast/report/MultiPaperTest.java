package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asfast.spi.PlatformKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table ids are the papers' own strings ("10", "1a", "I"), and every cell says which paper it belongs to. */
class MultiPaperTest {
    @TempDir
    Path dir;

    @Test
    void tableIdsSortAsThePapersNumberThem() {
        List<String> ids = new ArrayList<>(List.of("text", "II", "10", "1b", "2", "I", "1a", "1", "text §6.2", "IV", "III"));
        ids.sort(TableIds.ORDER);
        assertEquals(List.of("1", "I", "1a", "1b", "2", "II", "III", "IV", "10", "text", "text §6.2"), ids);
    }

    @Test
    void resultsCsvNamesThePaperOnEveryRow() throws Exception {
        List<Measurement> cells = List.of(
                new Measurement(OusterhoutTables.PAPER, "10", new RowLabel("host", "Linux", "Local"), "No data", "ms", 1, Double.NaN, Double.NaN, "measured", "b"),
                new Measurement("douglis1991", "1a", new RowLabel("sun3/60", "Sprite", ""), "Null RPC", "ms", 2, Double.NaN, Double.NaN, "simulated", "b"),
                new Measurement("cheriton1988", "I", new RowLabel("", "", "4 Kbytes"), "Time", "ms", 3, Double.NaN, Double.NaN, "simulated", "b"));
        Path file = dir.resolve(ResultsCsv.FILE);
        ResultsCsv.write(file, cells, row -> row.machine().equals("host") ? PlatformKind.MEASURED : PlatformKind.SIMULATED);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).contains(",origin,kind,source"), lines.get(0));
        assertTrue(lines.get(1).contains(",measured,measured,b") && lines.get(2).contains(",simulated,simulated,b"), lines.get(1) + " / " + lines.get(2));
        assertTrue(lines.get(0).startsWith("paper,table,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("ousterhout1990,10,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("douglis1991,1a,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("cheriton1988,I,"), lines.get(3));
    }

    @Test
    void fidelityIsKeptPerPaperAndTable() {
        Baselines baselines = Baselines.load(ReportFixtures.BASELINES);
        BaselineCell douglis = baselines.table("douglis1991", "1a").cells().stream().filter(BaselineCell::isNumber).findFirst().orElseThrow();
        BaselineCell cheriton = baselines.table("cheriton1988", "I").cells().stream().filter(BaselineCell::isNumber).findFirst().orElseThrow();
        BaselineCell ousterhout = baselines.table(OusterhoutTables.PAPER, "10").cells().getFirst();
        List<Fidelity.Modelled> modelled = List.of(
                new Fidelity.Modelled("douglis1991", "1a", douglis.row(), douglis.column(), douglis.unit(), douglis.value() * 1.1),
                new Fidelity.Modelled("cheriton1988", "I", cheriton.row(), cheriton.column(), cheriton.unit(), cheriton.value() * 0.8),
                new Fidelity.Modelled(OusterhoutTables.PAPER, "10", ousterhout.row(), ousterhout.column(), ousterhout.unit(), ousterhout.value()));
        String calibrated = Fidelity.key(OusterhoutTables.PAPER, "10", ousterhout.row(), ousterhout.column());
        Fidelity fidelity = Fidelity.of(modelled, baselines, Set.of(calibrated), Map.of());
        List<Fidelity.Summary> summaries = fidelity.summaries();
        assertEquals(List.of("cheriton1988 I", "douglis1991 1a", "ousterhout1990 10"), summaries.stream().map(s -> s.paper() + " " + s.table()).toList());
        assertEquals(0.2, summaries.get(0).median(), 1e-9);
        assertEquals(0.1, summaries.get(1).median(), 1e-9);
        assertEquals(1, summaries.get(2).calibrations());
        assertFalse(summaries.get(0).goalTable(), "goals are set per paper");
    }

    @Test
    void anotherPapersTableOfTheSameIdIsNotOusterhouts() {
        // Douglis's Table 2 is not Ousterhout's Table 2: its rows keep their configuration, and it gets no MIPS-relative column.
        RowLabel row = new RowLabel("Sun3/60", "Sprite", "Local");
        assertEquals(row, RunDerivation.modelRow("douglis1991", "2", row));
        assertEquals(new RowLabel("Sun3/60", "Sprite", ""), RunDerivation.modelRow(OusterhoutTables.PAPER, "2", row));
    }

    @Test
    void everyBaselineCheckSortsWithoutParsingIds() {
        List<BaselineVerifier.Check> checks = BaselineVerifier.verify(Baselines.load(ReportFixtures.BASELINES));
        assertTrue(checks.stream().anyMatch(c -> c.printed().table().equals("1a")), "Thekkath's Table 1a is checked");
        assertTrue(checks.stream().anyMatch(c -> c.printed().table().equals("I")), "Cheriton's Table I is checked");
    }
}
