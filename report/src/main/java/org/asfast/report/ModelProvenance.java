package org.asfast.report;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the model's provenance: which paper cells its parameters were calibrated on. */
public final class ModelProvenance {
    private static final String PREFIX = "calibration:";

    private ModelProvenance() {
    }

    /**
     * The {@link Fidelity#key} of every cell named by a source {@code calibration: paper | table |
     * machine | os | config | column}; other sources are ignored.
     */
    public static Set<String> calibrationKeys(Collection<String> sources) {
        Set<String> keys = new HashSet<>();
        for (String source : sources) {
            if (!source.startsWith(PREFIX)) {
                continue;
            }
            String cell = source.substring(PREFIX.length());
            int note = cell.indexOf(" (");
            String[] parts = (note < 0 ? cell : cell.substring(0, note)).split("\\|", -1);
            if (parts.length == 6) {
                keys.add(Fidelity.key(parts[0].trim(), parts[1].trim(), new RowLabel(parts[2].trim(), parts[3].trim(), parts[4].trim()), parts[5].trim()));
            }
        }
        return keys;
    }

    /** Fidelity of modelled cells, with the calibration cells named by these parameter sources. */
    public static Fidelity fidelity(List<Fidelity.Modelled> modelled, Baselines baselines, Collection<String> sources, Map<String, String> explanations) {
        return Fidelity.of(modelled, baselines, calibrationKeys(sources), explanations);
    }
}
