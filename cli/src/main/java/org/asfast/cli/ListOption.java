package org.asfast.cli;

import java.util.HashSet;
import java.util.List;
import org.asfast.spi.UserError;

/** A comma-separated option's values: at least one, each once (picocli turns "--clients ," into none). */
final class ListOption {
    private ListOption() {
    }

    static List<String> distinct(String option, List<String> values, String example) {
        if (values.isEmpty()) {
            throw new UserError(option + " names nothing; give e.g. " + option + " " + example);
        }
        HashSet<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v.strip())) {
                throw new UserError(option + " names '" + v.strip() + "' twice; give each once, e.g. " + option + " " + example);
            }
        }
        return values;
    }

    /** The same for numbers once read: "01,1" names one count twice. */
    static void distinctCounts(String option, List<Integer> counts, String example) {
        HashSet<Integer> seen = new HashSet<>();
        for (int n : counts) {
            if (!seen.add(n)) {
                throw new UserError(option + " names " + n + " twice; give each once, e.g. " + option + " " + example);
            }
        }
    }
}
