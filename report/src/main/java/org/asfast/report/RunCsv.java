package org.asfast.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asfast.spi.UserError;

/** A CSV file a run may hold (its header names the columns): its rows, none when the run has no such file. */
final class RunCsv {
    private RunCsv() {
    }

    /** Each record of {@code file} made a row by {@code row}; a file that is not one is a one-line error naming {@code what}. */
    static <T> List<T> rows(Path file, String what, Function<CSVRecord, T> row) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<T> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                rows.add(row.apply(r));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(file + " is not a valid " + what + " (" + e.getMessage() + "); re-run the benchmarks or remove that run folder");
        }
        return rows;
    }
}
