package org.asfast.report;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.asfast.spi.PlatformKind;

/**
 * A run's derived table: one row per cell it fills (paper, table id as printed, row, column), measured or derived, with its unit,
 * interval, origin and the kind of the platform the row came from (measured, modelled, simulated or live).
 */
public final class ResultsCsv {
    public static final String FILE = "results.csv";
    static final String[] HEADER = {"paper", "table", "machine", "os", "config", "column", "unit", "value", "ci_low", "ci_high", "origin", "kind", "source"};

    private ResultsCsv() {
    }

    /** Writes the cells; {@code kindOf} gives the kind of the platform each row came from ({@link Run#kindOf}). */
    public static void write(Path file, List<Measurement> cells, Function<RowLabel, PlatformKind> kindOf) {
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').build())) {
                for (Measurement m : cells) {
                    csv.printRecord(m.paper(), m.table(), m.row().machine(), m.row().os(), m.row().config(), m.column(), m.unit(),
                            RunDerivation.unmeasured(m) ? m.origin() : Numbers.plain(m.value()), Numbers.plain(m.low()), Numbers.plain(m.high()), m.origin(), kindOf.apply(m.row()).label(), m.benchmark());
                }
            }
        });
    }
}
