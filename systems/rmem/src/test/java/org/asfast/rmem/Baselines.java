package org.asfast.rmem;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Thekkath et al.'s printed cells from results/baselines, for tests and the calibrator only: rmem itself never reads them. */
final class Baselines {
    private Baselines() {
    }

    static Path directory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("results/baselines"))) {
                return p.resolve("results/baselines");
            }
        }
        throw new IllegalStateException("no results/baselines above " + here);
    }

    /** Cell key (paper | table | machine | os | config | column) to printed value. */
    static Map<String, Double> thekkath() {
        Map<String, Double> cells = new LinkedHashMap<>();
        for (String table : new String[] {"table2", "table3", "text"}) {
            try (Reader r = Files.newBufferedReader(directory().resolve("thekkath1994-" + table + ".csv"))) {
                for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                    cells.put(String.join(" | ", c.get("paper"), c.get("table"), c.get("machine"), c.get("os"), c.get("config"), c.get("column")),
                            Double.parseDouble(c.get("value")));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return cells;
    }
}
