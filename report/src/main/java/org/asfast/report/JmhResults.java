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
        return parse(root, file);
    }

    /** The results in a JSON array of JMH's format; {@code file} is named in messages. */
    static List<JmhResult> parse(JsonNode root, Path file) {
        if (root == null || !root.isArray()) {
            throw new UserError("result file " + file + " is not a JMH result array; re-run the benchmarks or remove that run folder");
        }
        List<JmhResult> results = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root) {
            index++;
            JsonNode metric = node.path("primaryMetric");
            if (!node.hasNonNull("benchmark") || !metric.has("score") || !metric.has("scoreUnit")) {
                throw new UserError("result file " + file + " has an entry without benchmark, score or unit; re-run the benchmarks");
            }
            String where = "result file " + file + ", entry " + index + " (" + node.get("benchmark").asText() + "): ";
            String unit = metric.get("scoreUnit").asText();
            if (!TIME_UNITS.contains(unit)) {
                throw new UserError(where + "unit '" + unit + "' is not one of " + String.join(", ", TIME_UNITS) + "; re-run the benchmarks or remove that run folder");
            }
            double score = number(metric.get("score"), where + "score");
            if (!(score > 0)) {
                throw new UserError(where + "score " + metric.get("score") + " is not a positive time; re-run the benchmarks or remove that run folder");
            }
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode confidence = metric.path("scoreConfidence");
            double low = confidence.size() == 2 ? number(confidence.get(0), where + "confidence bound") : Double.NaN;
            double high = confidence.size() == 2 ? number(confidence.get(1), where + "confidence bound") : Double.NaN;
            int samples = 0;
            for (JsonNode fork : metric.path("rawData")) {
                samples += fork.size();
            }
            Map<String, Double> secondary = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.path("secondaryMetrics").properties()) {
                double value = number(e.getValue().get("score"), where + "secondary result " + e.getKey());
                if (value < 0) {
                    throw new UserError(where + "secondary result " + e.getKey() + " is negative; re-run the benchmarks or remove that run folder");
                }
                secondary.put(e.getKey(), value);
            }
            results.add(new JmhResult(node.get("benchmark").asText(), params, score, low, high, unit, samples, secondary));
        }
        return results;
    }

    /** The time-per-operation units JMH writes for the modes asfast uses (average time, single shot). */
    static final List<String> TIME_UNITS = List.of("ns/op", "us/op", "ms/op", "s/op", "min/op");

    /** A finite number, or NaN where JMH writes the string "NaN" (no confidence interval); anything else is a {@link UserError}. */
    private static double number(JsonNode node, String what) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().equals("NaN"))) {
            return Double.NaN;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new UserError(what + " is " + (node.isNumber() ? node.asText() : node.toString()) + ", not a finite number; re-run the benchmarks or remove that run folder");
        }
        return node.asDouble();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
