package org.asfast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asfast.spi.UserError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads JMH's JSON result format (an array of benchmark results). */
public final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    public static List<JmhResult> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError("result file " + file + " is not valid JSON (" + firstLine(e.getMessage())
                    + "); it may be truncated: re-run the benchmarks or remove that run folder");
        }
        if (root == null || !root.isArray()) {
            throw new UserError("result file " + file + " is not a JMH result array; re-run the benchmarks or remove that run folder");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            JsonNode metric = node.path("primaryMetric");
            if (!node.hasNonNull("benchmark") || !metric.has("score") || !metric.has("scoreUnit")) {
                throw new UserError("result file " + file + " has an entry without benchmark, score or unit; re-run the benchmarks");
            }
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode confidence = metric.path("scoreConfidence");
            double low = confidence.size() == 2 ? number(confidence.get(0)) : Double.NaN;
            double high = confidence.size() == 2 ? number(confidence.get(1)) : Double.NaN;
            int samples = 0;
            for (JsonNode fork : metric.path("rawData")) {
                samples += fork.size();
            }
            Map<String, Double> secondary = new LinkedHashMap<>();
            node.path("secondaryMetrics").properties().forEach(e -> secondary.put(e.getKey(), number(e.getValue().get("score"))));
            results.add(new JmhResult(node.get("benchmark").asText(), params, number(metric.get("score")), low, high,
                    metric.get("scoreUnit").asText(), samples, secondary));
        }
        return results;
    }

    /** JMH writes "NaN" as a string when it has no confidence interval. */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
