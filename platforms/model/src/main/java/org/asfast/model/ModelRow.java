package org.asfast.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One machine / operating system / configuration combination the model can run, named as users
 * select it, e.g. {@code ds3100-sprite-local}. The list ({@code platforms.csv}) holds exactly the rows
 * of Ousterhout's Tables 2–10, plus the Sun 3/60 of the Amoeba/Sprite paper.
 */
public record ModelRow(String platform, String machine, String os, String config) {

    /** Every modelled row, in file order. */
    public static List<ModelRow> all() {
        try (InputStream in = ModelRow.class.getResourceAsStream("platforms.csv")) {
            List<ModelRow> rows = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).build();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                rows.add(new ModelRow(r.get("platform"), r.get("machine"), r.get("os"), r.get("config")));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row of a platform name, with any "@scenario" suffix removed; null if unknown. */
    public static ModelRow find(String platform) {
        String base = platform.contains("@") ? platform.substring(0, platform.indexOf('@')) : platform;
        return all().stream().filter(r -> r.platform.equals(base)).findFirst().orElse(null);
    }

    /** True for configurations whose files live on a server. */
    public boolean remote() {
        return !config.equals("Local");
    }
}
