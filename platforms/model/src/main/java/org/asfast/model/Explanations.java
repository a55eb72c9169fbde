package org.asfast.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;


/**
 * Why the model misses some cells by a wide margin, written after comparing it with the paper
 * ({@code explanations.csv}). They hold no paper values: only the cell's name and the reason.
 */
public final class Explanations {
    private Explanations() {
    }

    /** Reason by cell key {@code paper|table|machine|os|config|column}. */
    public static Map<String, String> bundled() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (CSVRecord r : ModelCsv.resource("explanations.csv")) {
            reasons.put(r.get("paper") + "|" + r.get("table") + "|" + r.get("machine") + "|" + r.get("os") + "|" + r.get("config") + "|" + r.get("column"), r.get("explanation"));
        }
        return reasons;
    }
}
