package org.asfast.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What each distributed system promises under crashes, and what a run measured of it in simulation
 * ({@code fault-promises.csv} in a run's folder): how many acknowledged writes (or committed files, or names) were
 * lost, the figure the promise is about, and the bound the implementation keeps it to.
 */
public final class FaultPromises {
    public static final String FILE = "fault-promises.csv";
    private static final List<String> COLUMNS = List.of("system", "promise", "faults", "acknowledged", "lost", "figure", "measured", "bound", "unit",
            "bound_basis");

    /**
     * One promise measured: of {@code acknowledged} writes, {@code lost}; {@code figure} (e.g. the oldest lost
     * write's age) came out {@code measured} against {@code bound}, which {@code boundBasis} explains.
     */
    public record Row(String system, String promise, String faults, int acknowledged, int lost, String figure, double measured, double bound, String unit,
            String boundBasis) {
        public boolean kept() {
            return measured <= bound;
        }

        /** The measured figure beside the promise, in one line (the report's and {@code asfast systems --faults}'s). */
        public String summary() {
            return String.format(Locale.ROOT, "%s: %d of %d lost, %s: %s %s; bound %s %s (%s): %s", system, lost, acknowledged, figure,
                    shown(measured), unit, shown(bound), unit, boundBasis, kept() ? "kept" : "BROKEN");
        }

        public String measuredShown() {
            return shown(measured);
        }

        public String boundShown() {
            return shown(bound);
        }

        /** A count as a count; an age to 4 digits (30.03 s), enough to show the part of it past the 30 s. */
        private static String shown(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e6 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.4g", value);
        }
    }

    private FaultPromises() {
    }

    public static void write(Path file, List<Row> rows) {
        AtomicFiles.write(file, w -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).build().print(w)) {
                for (Row r : rows) {
                    csv.printRecord(r.system(), r.promise(), r.faults(), r.acknowledged(), r.lost(), r.figure(), r.measured(), r.bound(), r.unit(),
                            r.boundBasis());
                }
            }
        });
    }

    /** A run's measured promises; none when the run has no such file. */
    public static List<Row> read(Path runDir) {
        return RunCsv.rows(runDir.resolve(FILE), "fault promises file", r -> new Row(r.get("system"), r.get("promise"), r.get("faults"),
                Integer.parseInt(r.get("acknowledged")), Integer.parseInt(r.get("lost")), r.get("figure"), Double.parseDouble(r.get("measured")),
                Double.parseDouble(r.get("bound")), r.get("unit"), r.get("bound_basis")));
    }
}
