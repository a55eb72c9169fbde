package org.asfast.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asfast.model.Parameter;
import org.junit.jupiter.api.Test;

/** The tags a paper's cells get from its parameters' sources and from what its cells depend on. */
class SimulatedPaperTest {
    /**
     * A toy paper on two machines: a per-packet cost calibrated on machine A's "1 packet" cell, a documented trap
     * cost. A's "2 packets" depends on the calibration (prediction); A's "trap" does not (out-of-sample); B's
     * "packet" uses the cost calibrated on A's cell of the same paper, so it is a prediction, not out-of-sample,
     * though nothing was fitted on B; a text cell repeating the calibrated cell is a calibration; a ratio the paper
     * computes is derived.
     */
    private static final class Toy implements SimulatedPaper {
        @Override
        public String paper() {
            return "toy1990";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(new Parameter("Toy", "packet_us", "10", "us", "calibration: toy1990 | 1 | A |  | 1 packet | Time"),
                    new Parameter("Toy", "trap_us", "3", "us", "documented: the manual"),
                    new Parameter("Toy", "other_us", "5", "us", "calibration: ousterhout1990 | 2 | A |  |  | Time"));
        }

        @Override
        public List<Cell> cells(List<Parameter> changes) {
            Map<String, Double> v = new LinkedHashMap<>();
            parameters().forEach(p -> v.put(p.name(), p.number()));
            changes.forEach(p -> v.put(p.name(), p.number()));
            double packet = v.get("packet_us");
            double trap = v.get("trap_us") + v.get("other_us");
            Cell one = cell("1", "A", "", "1 packet", "Time", trap + packet, null, false);
            return List.of(one,
                    cell("1", "A", "", "2 packets", "Time", trap + 2 * packet, null, false),
                    cell("1", "A", "", "trap", "Time", trap, null, false),
                    cell("1", "B", "", "packet", "Time", 2 * packet, null, false),
                    cell("text", "A", "", "", "one packet", trap + packet, one.key(), false),
                    cell("1", "A", "", "2 packets", "Ratio", (trap + 2 * packet) / (trap + packet), null, true));
        }

        private Cell cell(String table, String machine, String os, String config, String column, double value, String sameAs, boolean derived) {
            return new Cell(paper(), table, machine, os, config, column, "us", value, "toy-sim", sameAs, derived);
        }
    }

    @Test
    void cellsAreTaggedByTheirParametersSourcesAndWhatTheyDependOn() {
        Toy toy = new Toy();
        assertEquals(List.of("packet_us"), toy.calibrations().stream().map(Parameter::name).toList(), "only calibrations on this paper's cells count");
        Map<String, String> tags = new LinkedHashMap<>();
        toy.tagged().forEach(t -> tags.put(t.cell().table() + "/" + t.cell().machine() + "/" + t.cell().config() + t.cell().column(), t.tag()));
        assertEquals(Map.of(
                "1/A/1 packetTime", SimulatedPaper.CALIBRATION,
                "1/A/2 packetsTime", SimulatedPaper.PREDICTION,
                "1/A/trapTime", SimulatedPaper.OUT_OF_SAMPLE,
                "1/B/packetTime", SimulatedPaper.PREDICTION,
                "text/A/one packet", SimulatedPaper.CALIBRATION,
                "1/A/2 packetsRatio", SimulatedPaper.DERIVED), tags);
    }
}
