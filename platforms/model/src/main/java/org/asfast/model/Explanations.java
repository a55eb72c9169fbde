package org.asfast.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Why the model misses some cells by a wide margin, written after comparing it with the paper
 * ({@code explanations.csv}). They hold no paper values: only the cell's name and the reason.
 */
public final class Explanations {
    private Explanations() {
    }

    /** Reason by cell key {@code table|machine|os|config|column}. */
    public static Map<String, String> bundled() {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = Explanations.class.getResourceAsStream("explanations.csv")) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).build();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reasons.put(r.get("table") + "|" + r.get("machine") + "|" + r.get("os") + "|" + r.get("config") + "|" + r.get("column"), r.get("explanation"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reasons;
    }
}
