package org.asfast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asfast.model.Explanations;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelProvider;
import org.asfast.model.ModelRow;
import org.asfast.model.Parameter;
import org.asfast.spi.UserError;
import org.asfast.workloads.WorkloadRegistry;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The modelled platforms of a run: which ones, running them through JMH, and describing them in
 * environment.json (machine, system, configuration, MIPS, and every parameter with its source),
 * so that the report can label their rows and tell calibration cells from predictions.
 */
final class ModelledSuite {
    /** The what-if rows the main job shows in its report. */
    static final List<String> DEFAULT_WHAT_IFS = List.of("ds3100-sprite-local@fast-disk", "ds3100-ultrix3.1-local@write-back", "ds3100-sprite-local@newer-sprite");

    private final List<String> platforms;

    private ModelledSuite(List<String> platforms) {
        this.platforms = platforms;
    }

    /**
     * Checks and collects the modelled platforms: {@code all}, {@code none} or names from --model, plus
     * the what-if variants. A user directory of what-if files is made visible to the model first.
     */
    static ModelledSuite select(List<String> model, List<String> whatIfs, Path whatIfDirectory) {
        return select(model, whatIfs, whatIfDirectory, true);
    }

    /**
     * As {@link #select(List, List, Path)}; {@code explicit} false means the what-ifs are the default
     * ones, which run only beside their own row: none with --model none.
     */
    static ModelledSuite select(List<String> model, List<String> whatIfs, Path whatIfDirectory, boolean explicit) {
        if (whatIfDirectory != null) {
            if (!Files.isDirectory(whatIfDirectory)) {
                throw new UserError("--what-if-dir " + whatIfDirectory + " is not a directory; give the directory that holds your <scenario>.csv files");
            }
            System.setProperty(ModelProvider.WHAT_IF_DIRECTORY, whatIfDirectory.toAbsolutePath().toString());
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : model) {
            switch (name.trim()) {
                case "all" -> ModelRow.all().forEach(r -> names.add(r.platform()));
                case "none", "" -> { }
                default -> names.add(name.trim());
            }
        }
        Set<String> rows = Set.copyOf(names);
        for (String name : whatIfs) {
            if (!name.isBlank() && !name.trim().equals("none")) {
                if (!name.contains("@")) {
                    throw new UserError("--what-if '" + name + "' names no scenario; write <platform>@<scenario>, e.g. ds3100-sprite-local@fast-disk");
                }
                if (explicit || rows.contains(name.substring(0, name.indexOf('@')).trim())) {
                    names.add(name.trim());
                }
            }
        }
        for (String name : names) {
            ModelProvider.open(name).close(); // unknown rows and scenarios fail here, before anything is written
            if (!ModelRow.scenarioOf(name).isEmpty()) {
                // A scenario's values must give every cell of its row a meaningful time, checked here rather than mid-run.
                ModelCells.measureChecked(List.of(ModelRow.find(name)), row -> ModelProvider.open(name), "the what-if " + name);
            }
        }
        return new ModelledSuite(List.copyOf(names));
    }

    boolean isEmpty() {
        return platforms.isEmpty();
    }

    /** The modelled platforms' names, what-if variants included. */
    List<String> names() {
        return platforms;
    }

    /**
     * Runs the chosen workloads on the modelled platforms inside this JVM: one warm-up batch and one
     * measured batch of the sizes the registry gives (model_runs). Remote rows run only the file workloads, and only
     * the paper's own cells run (a variant such as cswitch across CPUs is this computer's: the modelled machines are
     * uniprocessors).
     */
    List<RunResult> run(List<Workloads> workloads) {
        List<RunResult> results = new ArrayList<>();
        for (Workloads w : workloads) {
            if (!w.runsEverywhere()) {
                continue; // a live system's workload: only its own platforms run it
            }
            String[] on = platforms.stream().filter(p -> !ModelRow.find(p).remote() || w.fileSystem()).toArray(String[]::new);
            if (on.length == 0) {
                continue;
            }
            WorkloadRegistry.Entry first = w.entries().getFirst();
            OptionsBuilder options = new OptionsBuilder();
            Map<String, Set<String>> params = new LinkedHashMap<>();
            w.entries().stream().filter(e -> e.papers() && e.everywhere())
                    .forEach(e -> e.params().forEach((k, v) -> params.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v)));
            params.forEach((k, values) -> options.param(k, values.toArray(String[]::new)));
            try {
                results.addAll(new Runner(options
                        .include(w.includePattern())
                        .param("platform", on)
                        .forks(0)
                        .mode(Mode.SingleShotTime)
                        .warmupIterations(1).warmupBatchSize(first.warmups())
                        .measurementIterations(1).measurementBatchSize(first.measured())
                        .shouldFailOnError(true)
                        .verbosity(VerboseMode.SILENT)
                        .build()).run());
            } catch (RunnerException e) {
                throw RunCommand.failure(e, "a modelled benchmark (" + w.userName() + ") failed: " + e.getMessage());
            }
        }
        return results;
    }

    /** The "model" section of environment.json. */
    Map<String, Object> describe() {
        Map<String, Object> model = new LinkedHashMap<>();
        ModelParameters bundled = ModelParameters.bundled();
        model.put("parametersFile", "platforms/model/src/main/resources/org/asfast/model/parameters.csv");
        model.put("parameters", bundled.all().stream().map(ModelledSuite::describe).toList());
        Map<String, Object> described = new LinkedHashMap<>();
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (String name : platforms) {
            try (ModelPlatform platform = ModelProvider.open(name)) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("machine", platform.row().machine());
                p.put("os", platform.row().os());
                p.put("config", platform.row().config());
                String scenario = ModelRow.scenarioOf(name);
                p.put("scenario", scenario);
                p.put("mips", platform.parameters().get("mips").number());
                described.put(name, p);
                if (!scenario.isEmpty()) {
                    scenarios.put(scenario, ModelProvider.scenario(scenario).stream().map(ModelledSuite::describe).toList());
                }
            }
        }
        model.put("platforms", described);
        model.put("scenarios", scenarios);
        model.put("explanations", Explanations.bundled());
        return model;
    }

    private static Map<String, Object> describe(Parameter p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", p.subject());
        m.put("parameter", p.name());
        m.put("value", p.value());
        m.put("unit", p.unit());
        m.put("source", p.source());
        return m;
    }
}
