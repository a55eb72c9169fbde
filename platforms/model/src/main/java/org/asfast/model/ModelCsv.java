package org.asfast.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The model's data files: CSV with a header row, '#' comments and trimmed fields. */
final class ModelCsv {
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).build();

    private ModelCsv() {
    }

    /** Every record of a resource next to the model's classes. */
    static List<CSVRecord> resource(String name) {
        try (InputStream in = ModelCsv.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the model resource " + name + " is missing from the class path");
            }
            return FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
