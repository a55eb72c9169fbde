package org.asfast.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a model parameter's value comes from, as its source text says. One of:
 * <ul>
 *   <li>{@code documented: ...} a property of the machine or system, from a paper's text or a manual;</li>
 *   <li>{@code assumption: ...} an estimate not fitted to any paper cell;</li>
 *   <li>{@code calibration: <cell>[; <cell>...] (<note>)} a value read from, solved on or chosen while looking at
 *       the named paper cells, each {@code paper | table | machine | os | config | column}. A note that starts with
 *       {@code by hand} marks a value chosen or read off rather than solved, which the calibrator leaves alone;</li>
 *   <li>{@code what-if: ...} a user's change.</li>
 * </ul>
 * The note is the parenthesis that ends the source: a row label, a column (xFS's "small read (minimum)", when a
 * note follows) and the note itself may hold parentheses.
 *
 * @param kind  the word before the first colon
 * @param cells the calibration cells, each as its six trimmed fields joined by {@code " | "}; empty for other kinds
 * @param note  the calibration's note without its parentheses, or the text after the colon for other kinds
 */
public record Provenance(String kind, List<String> cells, String note) {
    public static final String CALIBRATION = "calibration";
    private static final String BY_HAND = "by hand";

    /** Reads a source text; a calibration whose cells do not have six fields each is a {@link UserError}. */
    public static Provenance parse(String source) {
        int colon = source.indexOf(':');
        String kind = colon < 0 ? source.trim() : source.substring(0, colon).trim();
        String rest = colon < 0 ? "" : source.substring(colon + 1).trim();
        if (!kind.equals(CALIBRATION)) {
            return new Provenance(kind, List.of(), rest);
        }
        int open = noteStart(rest);
        String named = open < 0 ? rest : rest.substring(0, open);
        String note = open < 0 ? "" : rest.substring(open + 2, rest.endsWith(")") ? rest.length() - 1 : rest.length());
        List<String> cells = new ArrayList<>();
        for (String cell : named.split(";")) {
            String[] fields = cell.split("\\|", -1);
            if (fields.length != 6) {
                throw new UserError("the calibration source '" + source + "' names a cell without six fields; write each cell as "
                        + "'paper | table | machine | os | config | column', several separated by ';'");
            }
            List<String> trimmed = new ArrayList<>();
            for (String field : fields) {
                trimmed.add(field.trim());
            }
            cells.add(String.join(" | ", trimmed));
        }
        return new Provenance(kind, List.copyOf(cells), note);
    }

    /**
     * Where the note starts: at the first " (" after the last field's start whose parenthesis closes at the very end
     * (a column may hold a parenthesis, as xFS's "small read (minimum)", and so may a note), else at the first " ("
     * there; -1 for none.
     */
    private static int noteStart(String rest) {
        int from = Math.max(0, rest.lastIndexOf('|'));
        for (int i = rest.indexOf(" (", from); i >= 0 && rest.endsWith(")"); i = rest.indexOf(" (", i + 1)) {
            int depth = 0;
            int close = -1;
            for (int k = i + 1; k < rest.length() && close < 0; k++) {
                depth += rest.charAt(k) == '(' ? 1 : rest.charAt(k) == ')' ? -1 : 0;
                close = depth == 0 ? k : -1;
            }
            if (close == rest.length() - 1) {
                return i;
            }
        }
        return rest.indexOf(" (", from);
    }

    public boolean isCalibration() {
        return kind.equals(CALIBRATION);
    }

    /** A calibration the calibrator solves again: not chosen or read off by hand. */
    public boolean isSolved() {
        return isCalibration() && !note.startsWith(BY_HAND);
    }

    /** The six trimmed fields of a cell as {@link #cells()} gives it. */
    public static List<String> fields(String cell) {
        return java.util.Arrays.stream(cell.split("\\|", -1)).map(String::trim).toList();
    }
}
