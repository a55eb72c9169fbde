package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelRow;
import org.asfast.model.Parameter;
import org.asfast.report.Baselines;
import org.asfast.report.ModelProvenance;
import org.asfast.report.OusterhoutTables;
import org.asfast.report.OutOfSample;
import org.asfast.spi.Provenance;
import org.junit.jupiter.api.Test;

/** Other papers' cells on the model's hardware: well-formed, predicted, and never fitted on. */
class OutOfSampleTest {
    private static final Baselines BASELINES = Baselines.load(Path.of("..", "results", "baselines"));
    private static final ModelParameters PARAMETERS = ModelParameters.bundled();

    @Test
    void noParameterIsReadFromSolvedOnOrChosenOnAnOutOfSampleCell() {
        Set<String> calibrated = ModelProvenance.calibrationKeys(PARAMETERS.all().stream().map(Parameter::source).toList());
        for (OutOfSample.Mapping m : OutOfSample.bundled()) {
            assertFalse(calibrated.contains(m.key()), m.key() + " is out of sample, so no parameter may name it");
        }
        // Stronger for the Ousterhout model: everything it was fitted on is in Ousterhout's paper.
        for (Parameter p : PARAMETERS.all()) {
            for (String cell : p.calibrationCells()) {
                assertEquals(OusterhoutTables.PAPER, Provenance.fields(cell).getFirst(), p.subject() + "/" + p.name() + " names " + cell);
            }
        }
    }

    @Test
    void everyMappingNamesAPrintedCellAModelledPlatformAndAMeasureTheModelMakes() {
        List<OutOfSample.Mapping> mappings = OutOfSample.bundled();
        assertFalse(mappings.isEmpty());
        for (OutOfSample.Mapping m : mappings) {
            assertFalse(m.paper().equals(OusterhoutTables.PAPER), "out of sample means another paper: " + m.key());
            ModelRow row = ModelRow.find(m.platform());
            assertTrue(ModelCells.columns(row).stream().anyMatch(c -> c.paper().equals(m.measurePaper()) && c.table().equals(m.measureTable())
                    && c.column().equals(m.measureColumn())), m.platform() + " makes " + m.measureColumn());
            assertFalse(m.reason().isBlank(), m.key() + " says why the measure is the paper's quantity");
        }
    }

    @Test
    void theMedianErrorIsReportedPerPaperWhateverItIs() {
        List<ModelCells.Cell> cells = ModelCells.measureAll(ModelRow.all(), r -> new ModelPlatform(r.platform(), r, PARAMETERS));
        List<OutOfSample.Cell> outOfSample = ModelCommand.outOfSample(cells, BASELINES);
        assertEquals(OutOfSample.bundled().size(), outOfSample.size(), "every mapped cell has a model value");
        List<OutOfSample.Summary> summaries = OutOfSample.summaries(outOfSample);
        assertEquals(List.of("douglis1991"), summaries.stream().map(OutOfSample.Summary::paper).toList());
        for (OutOfSample.Summary s : summaries) {
            assertTrue(Double.isFinite(s.median()) && s.median() >= 0, s.toString());
        }
        OutOfSample.Cell kernelCall = outOfSample.stream().filter(c -> c.mapping().column().equals("minimum kernel call")).findFirst().orElseThrow();
        assertEquals("us", kernelCall.unit());
        assertEquals(cells.stream().filter(c -> c.row().platform().equals("sun3-60-sprite-local") && c.table().equals("2")).findFirst().orElseThrow().value(),
                kernelCall.model(), 1e-9, "getpid's time on the modelled Sun 3/60 under Sprite, in µs");
        assertTrue(OutOfSample.unmappedPapers(BASELINES, OutOfSample.bundled()).contains("cheriton1988"), "Cheriton's cells need V, not yet mapped");
    }
}
