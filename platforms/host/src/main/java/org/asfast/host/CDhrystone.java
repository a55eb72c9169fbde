package org.asfast.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Dhrystone 2.1 in C (tools/cbench/dhrystone.c), compiled with gcc -O2 -fno-inline and run in the
 * same minute as the Java rating, as its check: the Java port's rate over the C program's should
 * stay about the same from run to run, whatever else the machine is doing.
 *
 * @param compiler the compiler's version line
 * @param flags the flags it compiled with
 * @param dhrystonesPerSecond the spread of the trials' rates
 */
public record CDhrystone(String compiler, String flags, TrialSpread dhrystonesPerSecond) {
    static final String SOURCE = "dhrystone.c";
    static final List<String> FLAGS = List.of("-O2", "-fno-inline");
    private static final int TRIAL_MILLIS = 5;
    static final int TRIALS = 400;

    /** Compiles the program into {@code dir} (which must exist) and runs its trials there. */
    static CDhrystone measure(Path dir) throws CCompiler.Unavailable {
        String compiler = CCompiler.version();
        Path program = CCompiler.compile(SOURCE, dir, FLAGS);
        String output = CCompiler.run(List.of(program.toString(), String.valueOf(TRIAL_MILLIS), String.valueOf(TRIALS)), 120);
        return new CDhrystone(compiler, String.join(" ", FLAGS), TrialSpread.of(rates(output)));
    }

    /** The rates in Dhrystones/s of the program's CSV output (trial,runs,seconds); a bad line is an IllegalArgumentException. */
    static double[] rates(String csv) {
        List<Double> rates = new ArrayList<>();
        for (String line : csv.strip().split("\n")) {
            if (line.isBlank() || line.startsWith("trial,")) {
                continue;
            }
            String[] fields = line.split(",");
            try {
                if (fields.length != 3) {
                    throw new NumberFormatException();
                }
                double rate = Long.parseLong(fields[1].trim()) / Double.parseDouble(fields[2].trim());
                if (!(rate > 0) || Double.isInfinite(rate)) {
                    throw new NumberFormatException();
                }
                rates.add(rate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the C Dhrystone printed a line that is not trial,runs,seconds: '" + line + "'");
            }
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("the C Dhrystone printed no trials");
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The C program's rating in VAX MIPS: its best trial. */
    public double mips() {
        return dhrystonesPerSecond.best() / Dhrystone.DHRYSTONES_PER_VAX_MIPS;
    }
}
