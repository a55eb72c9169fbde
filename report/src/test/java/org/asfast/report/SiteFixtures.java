package org.asfast.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs as a default ./asfast run writes them (this computer and the modelled machines in one run),
 * built from the two report fixtures, with the machine, file system and getpid time of our choice.
 */
final class SiteFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteFixtures() {
    }

    /**
     * Writes results/runs/&lt;folder&gt;/ with run id {@code id}, measured on {@code hostname}'s
     * {@code fileSystem}, its getpid times (and their intervals) multiplied by {@code getpidScale}.
     */
    static Path run(Path results, String id, String hostname, String fileSystem, double getpidScale) throws IOException {
        ArrayNode jmh = (ArrayNode) read("run", Run.JMH_FILE);
        jmh.addAll((ArrayNode) read("model-run", Run.JMH_FILE));
        for (JsonNode benchmark : jmh) {
            if (benchmark.path("benchmark").asText().endsWith("GetpidBenchmark.getpid")) {
                ObjectNode metric = (ObjectNode) benchmark.path("primaryMetric");
                metric.put("score", metric.path("score").asDouble() * getpidScale);
                ArrayNode ci = (ArrayNode) metric.path("scoreConfidence");
                for (int i = 0; i < ci.size(); i++) {
                    ci.set(i, ci.get(i).asDouble() * getpidScale);
                }
            }
        }
        ObjectNode env = (ObjectNode) read("run", Run.ENVIRONMENT_FILE);
        JsonNode modelRun = read("model-run", Run.ENVIRONMENT_FILE);
        env.set("model", modelRun.path("model"));
        ((ObjectNode) env.path("platforms")).setAll((ObjectNode) modelRun.path("platforms"));
        env.put("runId", id);
        ((ObjectNode) env.path("host")).put("hostname", hostname);
        ((ObjectNode) env.path("target")).put("fileSystem", fileSystem);
        Path dir = Files.createDirectories(results.resolve("runs").resolve(id));
        JSON.writeValue(dir.resolve(Run.JMH_FILE).toFile(), jmh);
        JSON.writeValue(dir.resolve(Run.ENVIRONMENT_FILE).toFile(), env);
        return dir;
    }

    static JsonNode read(String fixture, String name) throws IOException {
        try (InputStream in = SiteFixtures.class.getResourceAsStream("/fixtures/" + fixture + "/" + name)) {
            return JSON.readTree(in);
        }
    }
}
