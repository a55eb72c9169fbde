package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modelled rows in the report: beside the paper's rows, in a fidelity section, and in a what-if section. */
class ReportModelTest {
    @TempDir
    Path dir;

    private Path report(boolean withHost) throws Exception {
        Path results = ReportFixtures.results(dir);
        Path model = ReportFixtures.modelRun(results, "m1");
        List<Run> runs = withHost ? List.of(Run.load(ReportFixtures.run(results, "h1")), Run.load(model)) : List.of(Run.load(model));
        return ReportGenerator.forRuns(results, runs, Baselines.load(results.resolve("baselines"))).writeAll();
    }

    @Test
    void modelRowsSitUnderThePapersRowsForTheSameMachine() throws Exception {
        Path report = report(true);
        List<String> table3 = Files.readAllLines(report.resolve("tables/ousterhout1990-table3.csv"));
        int paper = -1;
        for (int i = 0; i < table3.size(); i++) {
            if (table3.get(i).startsWith("DS3100 Sprite,") && table3.get(i).contains("paper")) {
                paper = i;
            }
        }
        assertTrue(paper > 0, "the paper's DS3100 Sprite row: " + table3);
        assertTrue(table3.get(paper + 1).startsWith("DS3100 Sprite,") && table3.get(paper + 1).contains("model"), table3.get(paper + 1));
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("<tr class=\"model\">"), "model rows are marked");
        assertTrue(html.contains("<tr class=\"what-if\">"), "what-if rows are marked");
        assertTrue(html.contains("<tr class=\"measured\">"), "the host's rows are still there");
    }

    @Test
    void theFidelitySectionGivesEveryTablesMedianAndP90AndTheWorstCells() throws Exception {
        Path report = report(false);
        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        JsonNode model = json.path("model");
        assertEquals(8, model.path("summaries").size(), "Tables 2-7, 9 and 10 have measured columns; Table 8 is derived");
        int calibrations = 0;
        int predictions = 0;
        for (JsonNode s : model.path("summaries")) {
            assertTrue(s.path("median").asText().endsWith("%") && s.path("p90").asText().endsWith("%"), s.toString());
            assertTrue(s.path("withinBudget").asBoolean(), "calibration under a third in table " + s.path("table").asText());
            calibrations += s.path("calibrations").asInt();
            predictions += s.path("predictions").asInt();
        }
        assertEquals(calibrations, model.path("calibrationCells").asInt());
        assertEquals(predictions, model.path("predictionCells").asInt());
        assertEquals(calibrations + predictions, model.path("cells").size());
        assertEquals(5, model.path("worst").size());
        for (JsonNode c : model.path("farOff")) {
            assertFalse(c.path("explanation").asText().isBlank(), "explained: " + c);
        }
        List<String> csv = Files.readAllLines(report.resolve("tables/model-fidelity.csv"));
        assertEquals("paper,table,machine,os,config,column,unit,printed,model,error,tag,explanation", csv.get(0));
        assertEquals(calibrations + predictions, csv.stream().skip(1).filter(l -> l.startsWith("ousterhout1990,")).count());
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("id=\"model-fidelity\"") && html.contains("The five worst predictions"));
        assertTrue(html.contains(calibrations + " cells are calibration and " + predictions + " are predictions"));
    }

    @Test
    void theWhatIfSectionShowsEachChangedCellBesideItsBase() throws Exception {
        JsonNode model = new ObjectMapper().readTree(report(false).resolve("report.json").toFile()).path("model");
        boolean fastDisk = false;
        for (JsonNode w : model.path("whatIf")) {
            if (w.path("scenario").asText().equals("fast-disk") && w.path("table").asText().equals("10") && w.path("column").asText().equals("No data")) {
                fastDisk = true;
                assertTrue(Double.parseDouble(w.path("whatIf").asText()) < Double.parseDouble(w.path("base").asText()) / 3,
                        "a disk 167 times faster cuts Sprite's create-delete: " + w);
            }
        }
        assertTrue(fastDisk, "the fast-disk what-if is shown");
        assertEquals(3, model.path("scenarios").size(), "fast-disk, write-back and newer-sprite");
    }

    @Test
    void theFidelitySectionSaysPredictionsAreInSampleListsCalibrationMissesAndShowsOutOfSampleCells() throws Exception {
        Path report = report(false);
        JsonNode model = new ObjectMapper().readTree(report.resolve("report.json").toFile()).path("model");
        assertEquals(model.path("calibrationCells").asInt(), model.path("calibrations").size(), "every calibration cell with its own miss");
        JsonNode outOfSample = model.path("outOfSample");
        assertTrue(outOfSample.size() > 0, "the fixture ran the Sun 3/60 platforms");
        for (JsonNode c : outOfSample) {
            assertEquals("douglis1991", c.path("paper").asText());
            assertTrue(c.path("error").asText().endsWith("%") && !c.path("predictedBy").asText().isBlank(), c.toString());
        }
        assertEquals(1, model.path("outOfSampleSummaries").size());
        assertEquals(outOfSample.size(), model.path("outOfSampleSummaries").get(0).path("cells").asInt());
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("These predictions are in-sample:"), "the report says the Ousterhout predictions are in-sample");
        assertTrue(html.contains("id=\"out-of-sample\"") && html.contains("no cell mapped yet"));
        assertTrue(Files.readAllLines(report.resolve("tables/model-out-of-sample.csv")).size() == outOfSample.size() + 1);
    }

    @Test
    void figure1HasTheModelsMachines() throws Exception {
        JsonNode figure = new ObjectMapper().readTree(report(true).resolve("report.json").toFile()).path("figure1");
        long model = 0;
        for (JsonNode p : figure) {
            model += p.path("kind").asText().equals("model") ? 1 : 0;
        }
        assertEquals(11, model, "the ten machines of Table 1 and the Sun 3/60");
    }
}
