package org.asfast.model;

import java.util.List;


/**
 * One machine / operating system / configuration combination the model can run, named as users
 * select it, e.g. {@code ds3100-sprite-local}. The list ({@code platforms.csv}) holds exactly the rows
 * of Ousterhout's Tables 2–10, plus the Sun 3/60 of the Amoeba/Sprite paper.
 */
public record ModelRow(String platform, String machine, String os, String config) {

    /** Read once: every lookup of a platform name goes through this list. */
    private static final List<ModelRow> ALL = ModelCsv.resource("platforms.csv").stream()
            .map(r -> new ModelRow(r.get("platform"), r.get("machine"), r.get("os"), r.get("config"))).toList();

    /** Every modelled row, in file order. */
    public static List<ModelRow> all() {
        return ALL;
    }

    /** The row of a platform name, with any "@scenario" suffix removed; null if unknown. */
    public static ModelRow find(String platform) {
        int at = platform.indexOf('@');
        String base = at < 0 ? platform : platform.substring(0, at);
        return ALL.stream().filter(r -> r.platform.equals(base)).findFirst().orElse(null);
    }

    /** The what-if scenario of a platform name ({@code <row>@<scenario>}), or "" for none. */
    public static String scenarioOf(String platform) {
        int at = platform.indexOf('@');
        return at < 0 ? "" : platform.substring(at + 1);
    }

    /** True for configurations whose files live on a server. */
    public boolean remote() {
        return !config.equals("Local");
    }
}
