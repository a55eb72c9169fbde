package org.asfast.report;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asfast.spi.Provenance;

/** Reads the model's provenance: which paper cells its parameters were calibrated on. */
public final class ModelProvenance {
    private ModelProvenance() {
    }

    /**
     * The {@link Fidelity#key} of every cell named by a calibration source ({@code calibration: paper | table |
     * machine | os | config | column[; another cell] (note)}, as {@link Provenance} reads it); other sources are ignored.
     */
    public static Set<String> calibrationKeys(Collection<String> sources) {
        Set<String> keys = new HashSet<>();
        for (String source : sources) {
            for (String cell : Provenance.parse(source).cells()) {
                List<String> f = Provenance.fields(cell);
                keys.add(Fidelity.key(f.get(0), f.get(1), new RowLabel(f.get(2), f.get(3), f.get(4)), f.get(5)));
            }
        }
        return keys;
    }

    /** Fidelity of modelled cells, with the calibration cells named by these parameter sources. */
    public static Fidelity fidelity(List<Fidelity.Modelled> modelled, Baselines baselines, Collection<String> sources, Map<String, String> explanations) {
        return Fidelity.of(modelled, baselines, calibrationKeys(sources), explanations);
    }
}
