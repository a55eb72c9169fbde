package org.asfast.report;

import java.util.Comparator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table ids are strings as the papers print them: "2", "10", "1a", "I", "II", "text", "text §6.2".
 * They sort as the papers number them: by number (arabic or roman), then by any letter after it,
 * in-text figures last.
 */
public final class TableIds {
    private static final Pattern NUMBERED = Pattern.compile("(\\d+|[IVXLC]+)([a-z]*)");

    /** The papers' order within one paper. */
    public static final Comparator<String> ORDER = Comparator.comparingLong(TableIds::number).thenComparing(TableIds::suffix)
            .thenComparing(Comparator.naturalOrder());

    /** Paper by key, then table in the paper's order. */
    public static <T> Comparator<T> byPaperAndTable(Function<T, String> paper, Function<T, String> table) {
        return Comparator.comparing(paper).thenComparing(table, ORDER);
    }

    private TableIds() {
    }

    /** The table's number, or {@link Long#MAX_VALUE} for in-text figures and other unnumbered ids. */
    static long number(String id) {
        Matcher m = NUMBERED.matcher(id);
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        String digits = m.group(1);
        return Character.isDigit(digits.charAt(0)) ? Long.parseLong(digits) : roman(digits);
    }

    private static String suffix(String id) {
        Matcher m = NUMBERED.matcher(id);
        return m.matches() ? m.group(2) : id;
    }

    private static long roman(String numeral) {
        String symbols = "IVXLC";
        int[] values = {1, 5, 10, 50, 100};
        long total = 0;
        for (int i = 0; i < numeral.length(); i++) {
            int value = values[symbols.indexOf(numeral.charAt(i))];
            boolean subtract = i + 1 < numeral.length() && values[symbols.indexOf(numeral.charAt(i + 1))] > value;
            total += subtract ? -value : value;
        }
        return total;
    }
}
