package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelProvider;
import org.asfast.model.ModelRow;
import org.junit.jupiter.api.Test;

/**
 * Every modelled Ousterhout cell, with the shipped parameters and with each bundled what-if, is bit for bit the value
 * the model gave before it moved onto the discrete-event kernel (platforms/sim). The fixture was written by
 * {@code ./asfast model} (and {@code --what-if} with each bundled scenario) at commit f04df29, before any model code
 * changed. A change to the model's parameters or mechanisms that moves a cell on purpose rewrites the fixture the same
 * way, and its commit says which cells moved and why. Rewritten once since: when {@code asfast model} began running the
 * JMH benchmark classes (the registry), 11 select cells (and their what-if copies) moved by at most 1.4e-7 of their value,
 * because SelectBenchmark checks one select call before measuring, which the old direct path did not, and the virtual
 * clock is read in whole nanoseconds. Rewritten again when Sprite's diskless rows began to run systems/sprite's own file
 * system (its client and file server, mounted as a RemoteFileSystem) instead of the model's Sprite protocol: the 85
 * cells of the four diskless Sprite rows (shipped and what-ifs) moved; every other cell is unchanged. And once more when
 * Sprite's requireFreeSpace became a FREE call to the file server: Andrew's 64 MB check is now one more RPC before the
 * copy, which moves the server disk's rotational phase, and 12 diskless Andrew cells moved by at most 1.9e-4 of their value.
 * And when the diskless Sprite mount began copying the DS3100's packets to and from its Lance buffer 16 bits at a time
 * (config:Diskless remote_open_instructions re-solved on DS3100 foo, 6424 to 5799) and sending the Sun-3s' packets by DMA:
 * 60 cells of the diskless Sprite rows (shipped and what-ifs) moved; no other cell did. And when Sprite's RPC began
 * resuming a process woken on an otherwise idle machine without a full context switch, as Sprite's scheduler does
 * (config:Diskless remote_open_instructions re-solved on DS3100 foo, 5799 to 6743, and the Sun4's own calibration of it
 * retired): 79 cells of the diskless Sprite rows (shipped and what-ifs) moved; no other cell did. And when a call queued
 * behind the one in flight (a delayed write-back's) began to count as its process having run, so the first caller resumes
 * with a full switch: 26 Andrew cells (Table 7) of the diskless Sprite rows (shipped and what-ifs) moved, by at most 4.4e-4
 * of their value (Sun4 Copy, 36.030 to 36.045 s); no other cell did.
 */
class ModelCellsUnchangedTest {
    private static final String FIXTURE = "/model-cells-before-kernel.csv";

    @Test
    void everyModelledCellIsBitIdenticalToTheValueBeforeTheKernel() throws IOException {
        Map<String, Double> expected = fixture();
        Map<String, Double> actual = new LinkedHashMap<>();
        for (String scenario : List.of("", "fast-disk", "write-back", "newer-sprite")) {
            ModelParameters parameters = scenario.isEmpty() ? ModelParameters.bundled() : ModelParameters.bundled().with(ModelProvider.scenario(scenario));
            for (ModelCells.Cell c : ModelCells.measureAll(ModelRow.all(), r -> new ModelPlatform(r.platform(), r, parameters))) {
                if (!c.paper().equals("ousterhout1990")) {
                    continue; // the fixture holds Ousterhout's cells; another paper's workload on these machines is no change to them
                }
                actual.put(key(scenario, c.row().platform(), c.table(), c.column()), c.value());
            }
        }
        assertTrue(expected.size() > 1400, "the fixture holds every cell of four parameter sets: " + expected.size());
        assertEquals(expected.keySet(), actual.keySet(), "the same cells are modelled");
        List<String> moved = new ArrayList<>();
        expected.forEach((key, value) -> {
            if (Double.doubleToLongBits(value) != Double.doubleToLongBits(actual.get(key))) {
                moved.add(key + ": " + value + " -> " + actual.get(key));
            }
        });
        assertEquals(List.of(), moved, moved.size() + " modelled cells moved");
    }

    private static Map<String, Double> fixture() throws IOException {
        Map<String, Double> cells = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(ModelCellsUnchangedTest.class.getResourceAsStream(FIXTURE), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                cells.put(key(r.get("scenario"), r.get("platform"), r.get("table"), r.get("column")), Double.parseDouble(r.get("model")));
            }
        }
        return cells;
    }

    private static String key(String scenario, String platform, String table, String column) {
        return (scenario.isEmpty() ? platform : platform + "@" + scenario) + " table " + table + " " + column;
    }
}
