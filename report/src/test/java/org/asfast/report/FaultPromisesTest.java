package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A run's measured crash promises round-trip through its folder and are shown beside each promise in the report. */
class FaultPromisesTest {
    static final List<FaultPromises.Row> ROWS = List.of(
            new FaultPromises.Row("Sprite", "a client crash loses at most the writes of the last 30 s", "drop=0.1,dup=0.05,seed=7", 90, 30,
                    "oldest lost write", 37.5, 37.5, "s", "30 s, then one write-back's 7.5 s of resends"),
            new FaultPromises.Row("Amoeba", "a committed file survives the Bullet server's crash", "drop=0.1,dup=0.05,seed=7", 12, 1,
                    "files lost", 1, 0, "files", "none"));

    @TempDir
    Path dir;

    @Test
    void rowsRoundTripAndEachSaysWhetherItsPromiseWasKept() {
        FaultPromises.write(dir.resolve(FaultPromises.FILE), ROWS);
        assertEquals(ROWS, FaultPromises.read(dir));
        assertTrue(ROWS.get(0).kept(), "a lost write exactly at the bound keeps the promise");
        assertFalse(ROWS.get(1).kept());
        assertEquals("Sprite: 30 of 90 lost, oldest lost write: 37.50 s; bound 37.50 s (30 s, then one write-back's 7.5 s of resends): kept", ROWS.get(0).summary());
    }

    @Test
    void aRunWithoutTheFileHasNoRowsAndABrokenFileIsAOneLineError() throws Exception {
        assertTrue(FaultPromises.read(dir).isEmpty());
        Files.writeString(dir.resolve(FaultPromises.FILE), "system,lost\nSprite,some\n");
        UserError e = assertThrows(UserError.class, () -> FaultPromises.read(dir));
        assertTrue(e.getMessage().contains("not a valid fault promises file") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theReportShowsTheMeasuredFigureBesideThePromise() throws Exception {
        Path results = ReportFixtures.results(dir);
        Path run = ReportFixtures.run(results, "r1");
        FaultPromises.write(run.resolve(FaultPromises.FILE), ROWS);
        Path report = ReportGenerator.forRuns(results, List.of(Run.load(run)), Baselines.load(results.resolve("baselines"))).writeAll();
        String html = Files.readString(report.resolve("index.html"));
        String section = html.substring(html.indexOf("<section id=\"fault-promises\">"), html.indexOf("</section>", html.indexOf("<section id=\"fault-promises\">")));
        assertTrue(section.contains("a client crash loses at most the writes of the last 30 s"), section);
        assertTrue(section.contains("30 of 90") && section.contains("oldest lost write: 37.50 s") && section.contains("&le; 37.50 s"), section);
        assertTrue(section.contains(">NO<"), "the broken promise is marked");
        assertEquals(Files.readString(run.resolve(FaultPromises.FILE)), Files.readString(report.resolve("tables/" + FaultPromises.FILE)));
        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals(30, json.get("faultPromises").get(0).get("lost").asInt());
    }
}
