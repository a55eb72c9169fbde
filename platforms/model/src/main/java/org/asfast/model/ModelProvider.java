package org.asfast.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.UserError;
import org.asfast.spi.UserFiles;

/**
 * Registers the modelled rows ({@code ds3100-sprite-local}, ...) and their what-if variants. A name
 * {@code <row>@<scenario>} runs the row with the changes in the what-if file {@code <scenario>.csv}:
 * one of the bundled scenarios, or one in the directory named by the system property
 * {@code asfast.model.whatif}.
 */
public final class ModelProvider implements PlatformProvider {
    @Override
    public PlatformKind kind(String name) {
        return PlatformKind.MODELLED;
    }

    /** System property: a directory of user what-if files. */
    public static final String WHAT_IF_DIRECTORY = "asfast.model.whatif";
    static final List<String> BUNDLED_SCENARIOS = List.of("fast-disk", "write-back", "newer-sprite");

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ModelRow row : ModelRow.all()) {
            names.add(row.platform());
        }
        return names;
    }

    /** A row's name, optionally followed by "@scenario". */
    @Override
    public boolean opens(String name) {
        return ModelRow.find(name) != null;
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        return open(name);
    }

    /** Opens a modelled platform by name, with any "@scenario" applied. */
    public static ModelPlatform open(String name) {
        ModelRow row = ModelRow.find(name);
        if (row == null) {
            throw new UserError("unknown modelled platform '" + name + "'; run './asfast model --list' for the names");
        }
        String scenario = ModelRow.scenarioOf(name);
        if (name.contains("@") && !UserFiles.isPlainName(scenario)) {
            throw new UserError(scenario.isEmpty()
                    ? "'" + name + "' names no what-if scenario after '@'; write e.g. " + row.platform() + "@fast-disk"
                    : "the what-if scenario '" + scenario + "' in '" + name + "' is not a plain name (letters, digits, '.', '_', '-'; the file <scenario>.csv"
                            + " in --what-if-dir, without '.csv'); write e.g. " + row.platform() + "@fast-disk");
        }
        ModelParameters parameters = ModelParameters.bundled();
        if (!scenario.isEmpty()) {
            parameters = parameters.with(scenario(scenario));
        }
        return new ModelPlatform(name, row, parameters);
    }

    /** The changes of a what-if scenario, by name. */
    public static List<Parameter> scenario(String scenario) {
        if (BUNDLED_SCENARIOS.contains(scenario)) {
            return ModelParameters.readResource("what-if/" + scenario + ".csv");
        }
        String dir = System.getProperty(WHAT_IF_DIRECTORY);
        if (dir != null) {
            Path file = UserFiles.child(Path.of(dir), scenario + ".csv", "the what-if file");
            if (java.nio.file.Files.exists(file)) {
                return ModelParameters.bundled().readWhatIf(file);
            }
        }
        throw new UserError("no what-if scenario '" + scenario + "'; bundled ones are " + String.join(", ", BUNDLED_SCENARIOS)
                + ", or put " + scenario + ".csv in the directory given by --what-if-dir");
    }
}
