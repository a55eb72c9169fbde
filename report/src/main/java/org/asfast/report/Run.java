package org.asfast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.asfast.spi.PlatformKind;
import org.asfast.spi.UserError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One folder of results/runs/: the JMH results and the environment they were measured in. */
public record Run(String id, Path dir, JsonNode environment, List<JmhResult> results) {
    public static final String JMH_FILE = "jmh.json";
    public static final String ENVIRONMENT_FILE = "environment.json";
    /** Version 2 records each platform's kind, as its provider declares it. */
    public static final String ENVIRONMENT_SCHEMA = "asfast-environment/2";
    /** The same loops in C, measured in the same run (absent from older runs). */
    public static final String CBENCH_FILE = "cbench.json";

    public static Run load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("run folder " + dir + " does not exist; pass a folder under results/runs/");
        }
        Path jmh = dir.resolve(JMH_FILE);
        Path env = dir.resolve(ENVIRONMENT_FILE);
        if (!Files.exists(jmh) || !Files.exists(env)) {
            throw new UserError("run folder " + dir + " has no " + (Files.exists(jmh) ? ENVIRONMENT_FILE : JMH_FILE)
                    + "; it is empty or incomplete: re-run the benchmarks or remove it");
        }
        for (Path file : List.of(jmh, env)) {
            if (!Files.isRegularFile(file) || sizeOf(file) > MAX_FILE_BYTES) {
                throw new UserError(file + " is not a regular file of at most " + (MAX_FILE_BYTES >> 20) + " MB; it is not asfast's: remove that run folder");
            }
        }
        JsonNode environment;
        try {
            environment = new ObjectMapper().readTree(env.toFile());
        } catch (IOException e) {
            throw new UserError(env + " is not valid JSON; it may be truncated: re-run the benchmarks or remove that run folder");
        }
        checkEnvironment(environment, env);
        // The id recorded at the start of the run: the folder may still have its hidden, unfinished name.
        String id = environment.path("runId").asText(dir.getFileName().toString());
        requireMips(environment.path("hostMips").path("mips"), env, "hostMips.mips");
        environment.path("model").path("platforms").properties().forEach(p -> requireMips(p.getValue().path("mips"), env, "model.platforms." + p.getKey() + ".mips"));
        return new Run(id, dir, environment, JmhResults.read(jmh));
    }

    /** Bigger than any run asfast writes (a full run's jmh.json is a few MB). */
    private static final long MAX_FILE_BYTES = 256L << 20;
    /** The ratings a machine can plausibly have, in VAX MIPS: Table 1 goes from 0.9 to 20, this decade's machines reach tens of thousands. */
    public static final double MIN_MIPS = 0.01;
    public static final double MAX_MIPS = 1e7;

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A MIPS rating in environment.json must be a number in the plausible range: every MIPS-relative figure divides by it. */
    private static void requireMips(JsonNode node, Path env, String field) {
        // A modelled machine's rating may be a what-if's (a thousandth of Table 1's at least); the host's is measured or given.
        double low = field.equals("hostMips.mips") ? MIN_MIPS : Double.MIN_NORMAL;
        if (!node.isNumber() || !(node.asDouble() >= low && node.asDouble() <= MAX_MIPS)) {
            throw new UserError(env + ": " + field + " is " + node + ", not a MIPS rating from " + (low == MIN_MIPS ? "0.01" : "0") + " to " + (long) MAX_MIPS
                    + "; re-run the benchmarks (with --host-mips in that range) or remove that run folder");
        }
    }

    private static final java.util.regex.Pattern SCHEMA_VERSION = java.util.regex.Pattern.compile("asfast-environment/([0-9]{1,9})");

    /**
     * Checks environment.json against {@value #ENVIRONMENT_SCHEMA}: its schema name and version, and
     * the fields the report reads (run id, start, host, host MIPS, target). A newer version is
     * refused, since its fields may mean something this version does not know.
     */
    static void checkEnvironment(JsonNode environment, Path file) {
        java.util.regex.Matcher schema = SCHEMA_VERSION.matcher(environment == null ? "" : environment.path("schema").asText(""));
        if (!schema.matches()) {
            throw new UserError(file + " is not an asfast environment file (no " + ENVIRONMENT_SCHEMA + " schema); it is not an asfast run, or it is damaged");
        }
        int version = Integer.parseInt(schema.group(1));
        if (version > 2) {
            throw new UserError(file + " has schema asfast-environment/" + version + ", newer than this asfast reads (" + ENVIRONMENT_SCHEMA
                    + "); update asfast to read that run");
        }
        if (version < 1) {
            throw new UserError(file + " has schema asfast-environment/" + version + ", which no asfast wrote; it is damaged");
        }
        if (version == 1) {
            throw new UserError(file + " was written by an older asfast (asfast-environment/1), which did not record what kind each platform is; re-run the benchmarks");
        }
        for (String field : new String[] {"runId", "startedAt"}) {
            if (!environment.path(field).isTextual()) {
                throw new UserError(file + " has no " + field + ", which " + ENVIRONMENT_SCHEMA + " requires; it is damaged");
            }
        }
        for (String field : new String[] {"host", "hostMips", "target", "platforms"}) {
            if (!environment.path(field).isObject()) {
                throw new UserError(file + " has no " + field + " section, which " + ENVIRONMENT_SCHEMA + " requires; it is damaged");
            }
        }
        if (!environment.path("hostMips").path("mips").isNumber()) {
            throw new UserError(file + " has no hostMips.mips number, which " + ENVIRONMENT_SCHEMA + " requires; it is damaged");
        }
    }

    /** The host's VAX MIPS rating recorded with the run. */
    public double hostMips() {
        return environment.path("hostMips").path("mips").asDouble(Double.NaN);
    }

    /** A workload the run could not measure on a platform that lacks a capability it needs. */
    public record NotAvailable(String workload, String platform, String capability) {
    }

    /** Environment.json's notAvailable: the workloads a platform of this run lacked a capability for ("n/a" cells). */
    public List<NotAvailable> notAvailable() {
        List<NotAvailable> missing = new java.util.ArrayList<>();
        for (JsonNode n : environment.path("notAvailable")) {
            missing.add(new NotAvailable(n.path("workload").asText(), n.path("platform").asText(), n.path("capability").asText()));
        }
        return missing;
    }

    /** Environment.json's fullProfileOnly: the workloads whose live cells on a platform this (quick) run left to the full profile. */
    public List<NotAvailable> fullProfileOnly() {
        List<NotAvailable> later = new java.util.ArrayList<>();
        for (JsonNode n : environment.path("fullProfileOnly")) {
            later.add(new NotAvailable(n.path("workload").asText(), n.path("platform").asText(), "the quick profile's time"));
        }
        return later;
    }

    /** The kind of a platform of this run, as its provider declared it when the run was made. */
    public PlatformKind kind(String platform) {
        JsonNode kind = environment.path("platforms").path(platform).path("kind");
        if (!kind.isTextual()) {
            throw new UserError("run " + id + " does not record what kind of platform '" + platform + "' is (environment.json, platforms); re-run the benchmarks");
        }
        return PlatformKind.of(kind.asText());
    }

    /** The kind of the platform a row of this run came from. */
    public PlatformKind kindOf(RowLabel row) {
        for (var it = environment.path("platforms").fieldNames(); it.hasNext(); ) {
            String platform = it.next();
            RowLabel label = row("", platform);
            // a platform other than a modelled machine may fill a paper's own row (a live system in Douglis's column): its name says which
            if (label.machine().equals(row.machine()) && (label.os().equals(row.os()) || modelPlatform(platform) == null)) {
                return kind(platform);
            }
        }
        throw new IllegalStateException("no platform of run " + id + " makes the row " + row);
    }

    /** True if a row of this run came from a modelled platform. */
    public boolean isModelled(RowLabel row) {
        return kindOf(row) == PlatformKind.MODELLED;
    }

    /** The modelled platform (machine and system, with any what-if) that a row came from, or null. */
    public JsonNode modelPlatformOf(RowLabel row) {
        var platforms = environment.path("model").path("platforms");
        for (var it = platforms.elements(); it.hasNext(); ) {
            JsonNode p = it.next();
            if (p.path("machine").asText().equals(row.machine()) && modelOs(p).equals(row.os())) {
                return p;
            }
        }
        return null;
    }

    /** A modelled platform's system as its rows show it: what-if variants carry their scenario. */
    private static String modelOs(JsonNode platform) {
        String scenario = platform.path("scenario").asText("");
        return platform.path("os").asText() + (scenario.isEmpty() ? "" : WHAT_IF + scenario + "]");
    }

    /** How a what-if row's system ends: "Sprite [what-if: fast-disk]". */
    private static final String WHAT_IF = " [what-if: ";

    /** The what-if scenario a row was run with, or "" for none. */
    public static String scenarioOf(RowLabel row) {
        int at = row.os().indexOf(WHAT_IF);
        return at < 0 ? "" : row.os().substring(at + WHAT_IF.length(), row.os().length() - 1);
    }

    /** The row a what-if row changes: the same machine, system and configuration without the scenario. */
    public static RowLabel withoutScenario(RowLabel row) {
        int at = row.os().indexOf(WHAT_IF);
        return at < 0 ? row : new RowLabel(row.machine(), row.os().substring(0, at), row.config());
    }

    /** The environment's description of a modelled platform, or null for a real one. */
    public JsonNode modelPlatform(String platform) {
        JsonNode node = environment.path("model").path("platforms").path(platform);
        return node.isObject() ? node : null;
    }

    /** "Local", or "NFS"/"AFS" when the target directory was on such a file system. */
    public String config() {
        return environment.path("target").path("config").asText("Local");
    }

    /**
     * The row label of a result of this run: for the host, "host", "Linux &lt;kernel&gt;" and the
     * target's configuration; for a modelled platform, its machine, system (with any what-if) and
     * configuration; for another platform, its name.
     */
    public RowLabel row(String variant, String platform) {
        String suffix = variant == null || variant.isEmpty() ? "" : ", " + variant;
        JsonNode model = modelPlatform(platform);
        if (model != null) {
            return new RowLabel(model.path("machine").asText(), modelOs(model), model.path("config").asText());
        }
        if (!platform.equals("host")) {
            return new RowLabel(platform, "", suffix.isEmpty() ? "" : suffix.substring(2));
        }
        return new RowLabel("host", "Linux " + environment.path("host").path("kernel").asText("?"), config() + suffix);
    }
}
