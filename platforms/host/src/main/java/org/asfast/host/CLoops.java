package org.asfast.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asfast.spi.FileTrees;

/**
 * The host workloads' loops in C (tools/cbench/ousterhout.c): the same system calls with the same
 * flags and sizes, in the same target directory, without the JVM. A run measures them once with one
 * thread, as the paper's processes were, and once with the JVM's thread count and descriptor
 * numbers, so that the report can show what the JVM adds to each host figure and what the kernel
 * charges a multithreaded process.
 */
public final class CLoops {
    static final String SOURCE = "ousterhout.c";
    public static final List<String> FLAGS = List.of("-O2");
    /** The workloads the C program has, by the names --workload uses. */
    public static final Set<String> WORKLOADS = Set.of("getpid", "cswitch", "select", "bcopy", "read", "open-close", "create-delete");

    private CLoops() {
    }

    /**
     * How to run the loops.
     *
     * @param threads the process's threads (1, or the JVM's count; the others sleep)
     * @param descriptorBase the lowest number the select and cswitch pipes may get (0: the lowest free)
     * @param trialMillis the length of each trial
     * @param trials trials per figure, after one warm-up trial
     * @param cachedBytes bcopy's cached block, as the Java workload sized it
     * @param uncachedBytes bcopy's uncached block
     * @param readFileBytes the read workload's file
     * @param workloads which of {@link #WORKLOADS} to run
     */
    public record Settings(int threads, int descriptorBase, int trialMillis, int trials, long cachedBytes, long uncachedBytes,
                           long readFileBytes, List<String> workloads) {
    }

    /**
     * One figure: the JMH benchmark whose loop it repeats, that benchmark's parameters (without the
     * platform), and each trial's nanoseconds per operation.
     */
    public record Figure(String benchmark, Map<String, String> params, List<Double> nanosPerOp) {
    }

    /** Compiles the program into {@code dir}; returns it. */
    public static Path compile(Path dir) throws CCompiler.Unavailable {
        return CCompiler.compile(SOURCE, dir, FLAGS);
    }

    /**
     * Runs the compiled program; it works in a directory of its own under {@code target} and removes it. That directory
     * is placed as the JVM's scratch is (see {@link Scratch}), so that C's files start away from recent deletions, as
     * asfast's do.
     */
    public static List<Figure> run(Path program, Path target, Settings settings) throws CCompiler.Unavailable {
        Path placed;
        try {
            placed = Files.createTempDirectory(target, "asfast-cloops-");
        } catch (IOException e) {
            throw new CCompiler.Unavailable("cannot make a directory for the C loops in " + target + ": " + e.getMessage());
        }
        try {
            Scratch.markTopDirectory(placed);
            return runIn(program, placed, settings);
        } finally {
            try {
                FileTrees.delete(placed);
            } catch (RuntimeException e) {
                // it is inside the run's scratch folder, which the run removes; the figures (or the failure) matter more
                System.err.println("asfast: could not remove " + placed + " (" + e.getMessage() + "); the run's clean-up removes it");
            }
        }
    }

    private static List<Figure> runIn(Path program, Path target, Settings settings) throws CCompiler.Unavailable {
        List<String> command = new ArrayList<>(List.of(program.toString(), "-d", target.toString(),
                "-t", String.valueOf(settings.threads()), "-f", String.valueOf(settings.descriptorBase()),
                "-m", String.valueOf(settings.trialMillis()), "-n", String.valueOf(settings.trials()),
                "-c", String.valueOf(settings.cachedBytes()), "-u", String.valueOf(settings.uncachedBytes()),
                "-r", String.valueOf(settings.readFileBytes())));
        for (String workload : settings.workloads()) {
            if (!WORKLOADS.contains(workload)) {
                throw new IllegalArgumentException("the C loops have no workload '" + workload + "'");
            }
            command.add(workload);
        }
        try {
            return parse(CCompiler.run(command, 1800));
        } catch (IllegalArgumentException e) {
            throw new CCompiler.Unavailable(e.getMessage());
        }
    }

    /**
     * The figures in the program's CSV output (benchmark,params,trial,ns_per_op; params as
     * name=value joined by ';'), in the order they first appear; a malformed line is an
     * IllegalArgumentException naming it.
     */
    static List<Figure> parse(String csv) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        String[] lines = csv.strip().split("\n");
        if (lines.length == 0 || !lines[0].strip().equals("benchmark,params,trial,ns_per_op")) {
            throw new IllegalArgumentException("the C loops printed no header line benchmark,params,trial,ns_per_op");
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            String[] fields = line.split(",", -1);
            double nanos;
            try {
                if (fields.length != 4 || fields[0].isBlank()) {
                    throw new NumberFormatException();
                }
                Integer.parseInt(fields[2]);
                nanos = Double.parseDouble(fields[3]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the C loops printed a line that is not benchmark,params,trial,ns_per_op: '" + line + "'");
            }
            if (!(nanos > 0) || Double.isInfinite(nanos)) {
                throw new IllegalArgumentException("the C loops printed a time that is not a positive number: '" + line + "'");
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : fields[1].split(";")) {
                int eq = pair.indexOf('=');
                if (pair.isBlank()) {
                    continue;
                }
                if (eq <= 0) {
                    throw new IllegalArgumentException("the C loops printed a parameter that is not name=value: '" + line + "'");
                }
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            figures.computeIfAbsent(fields[0] + "|" + fields[1], k -> new Figure(fields[0], params, new ArrayList<>())).nanosPerOp().add(nanos);
        }
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("the C loops printed no figures");
        }
        return figures.values().stream().map(f -> new Figure(f.benchmark(), Map.copyOf(f.params()), List.copyOf(f.nanosPerOp()))).toList();
    }
}
