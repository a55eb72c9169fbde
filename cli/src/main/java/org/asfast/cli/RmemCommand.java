package org.asfast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.asfast.nodes.Work;
import org.asfast.report.AtomicFiles;
import org.asfast.report.Baselines;
import org.asfast.report.RmemFileService;
import org.asfast.report.RowLabel;
import org.asfast.rmem.FileService;
import org.asfast.rmem.RmemAccess;
import org.asfast.rmem.RmemCells;
import org.asfast.rmem.RmemSimulated;
import org.asfast.spi.UserError;
import org.asfast.systems.SystemParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code asfast rmem}: Thekkath et al.'s file service simulated: each operation alone under DX and Hybrid-1 (Figures 2
 * and 3), then many client machines (latency per operation and the server's load against the number of clients); or,
 * with {@code --access}, one READ of a named segment between two simulated DECstations.
 */
@Command(name = "rmem", mixinStandardHelpOptions = true,
        description = "Runs Thekkath et al.'s remote-memory file service (DX and Hybrid-1) alone and with many simulated clients, or one remote READ.")
public final class RmemCommand implements Callable<Integer> {
    /** What a run (the main job) simulates: the client counts, 20 operations each (a few seconds). */
    static final List<Integer> RUN_CLIENTS = List.of(1, 10, 100, 1000);
    static final int RUN_OPERATIONS = 20;
    /**
     * Heap a simulated client machine takes, over-estimated: its four segments of 2.5 to 4 KB, its 4 KB slot in the
     * server's request segment, the cluster's bookkeeping, and room to spare.
     */
    static final long BYTES_PER_CLIENT = 256 * 1024;
    /**
     * The most operations a command simulates per scheme, over all its client counts. Time, not memory, is what they cost
     * (a client's counters do not grow with them): on the 2-core VM, 1000 clients x 1000 operations took 6.7 s a scheme at
     * a load of 2.5, about {@value #OPERATIONS_PER_SECOND} a second; the limit itself (1000 x 10000) took 193 s for
     * Hybrid-1 and 130 s for DX at a load of about 7 (5 min 24 s in all). 2e9 per client, unchecked, ran until killed.
     */
    static final long MAX_OPERATIONS = 10_000_000;
    static final long OPERATIONS_PER_SECOND = 150_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", split = ",", paramLabel = "N", description = "Client machines of each scaling run (default: ${DEFAULT-VALUE}).")
    List<String> clients = List.of("1", "10", "100", "1000");

    @Option(names = "--operations", paramLabel = "N", description = "Operations each client runs, drawn from Table 1a's mix; clients x operations at most " + MAX_OPERATIONS
            + " a scheme, over all client counts (default: ${DEFAULT-VALUE}).")
    int operations = RUN_OPERATIONS;

    @Option(names = "--access", paramLabel = "NAME:OFFSET:BYTES",
            description = "Instead: a client machine imports segment NAME through its clerk and READs BYTES at OFFSET; the other machine exports '"
                    + RmemAccess.DEMO + "' (" + RmemAccess.DEMO_BYTES + " bytes).")
    String access;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write rmem-figures.csv and rmem-scale.csv (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "systems");

    @Option(names = "--baselines", paramLabel = "DIR", description = "The paper's tables, for its load ratio beside ours (default: ${DEFAULT-VALUE}).")
    Path baselinesDir = Path.of("results", "baselines");

    @Override
    public Integer call() {
        if (access != null) {
            ParseResult given = spec.commandLine().getParseResult();
            if (given.hasMatchedOption("--clients") || given.hasMatchedOption("--operations")) {
                throw new UserError("--access reads once and runs no clients: give --access, or --clients and --operations, not both");
            }
            return access(access);
        }
        List<Integer> counts = counts();
        if (operations < 1) {
            throw new UserError("--operations " + operations + ": give at least 1 operation per client");
        }
        checkOperations(counts, operations);
        String paperRatio = paperLoadRatio(); // before any work: a broken baselines folder is bad input too
        AtomicFiles.requireWritable(out, 16L << 20, "rmem-figures.csv and rmem-scale.csv");
        AtomicFiles.requireReplaceable(out.resolve(RmemFileService.FIGURES_FILE), out.resolve(RmemFileService.FILE));
        System.out.printf(Locale.ROOT, "%-24s %-9s %12s %12s %12s %12s %12s %12s%n", "operation (alone)", "scheme", "latency us", "server: data",
                "control", "procedure", "reply", "total us");
        SystemParameters parameters = RmemSimulated.parameters();
        List<FileService.Alone> alone = FileService.figures(parameters); // simulated once: the table and both ratios come from it
        List<RmemFileService.FigureRow> figures = figureRows(alone);
        for (RmemFileService.FigureRow f : figures) {
            System.out.printf(Locale.ROOT, "%-24s %-9s %12.1f %12.1f %12.1f %12.1f %12.1f %12.1f%n", f.operation(), f.scheme(), f.latencyUs(),
                    f.dataTransferUs(), f.controlTransferUs(), f.procedureUs(), f.replyUs(), f.serverUs());
        }
        double callWeight = parameters.number("load_ratio_call_weight");
        System.out.printf(Locale.ROOT, "server load DX / Hybrid-1, the text's cell (the operations that move data, %s, total over total; a reading"
                + " of \"on the average\" chosen with the paper's figure in view, so a calibration): %.1f%%, paper %s%n",
                callWeight == 0 ? "each once" : "each weighted by its calls to the power " + callWeight,
                100 * FileService.loadRatio(alone, callWeight), paperRatio);
        FileService.readings(alone).forEach((reading, ratio) -> System.out.printf(Locale.ROOT, "  other reading: %s: %.1f%%%n", reading, 100 * ratio));
        System.out.printf(Locale.ROOT, "%n%-9s %7s %10s %14s %16s %12s %10s %8s%n", "scheme", "clients", "operations", "latency (us)", "server us / op",
                "server busy", "simulated", "wall");
        List<RmemFileService.Row> rows = scale(counts, operations, s -> System.out.printf(Locale.ROOT, "%-9s %7d %10d %14.1f %16.1f %11.1f%% %9.2fs %7.2fs%n",
                s.scheme(), s.clients(), s.operations(), s.latencyUs(), s.serverUsPerOperation(), 100 * s.serverUtilisation(), s.simulatedSeconds(), s.wallSeconds()));
        RmemFileService.writeFigures(out.resolve(RmemFileService.FIGURES_FILE), figures);
        RmemFileService.write(out.resolve(RmemFileService.FILE), rows);
        System.out.println("wrote " + out.resolve(RmemFileService.FIGURES_FILE) + " and " + out.resolve(RmemFileService.FILE));
        return 0;
    }

    /** The paper's ratio as results/baselines holds it, or where to find it when that folder is not here. */
    private String paperLoadRatio() {
        if (!Files.isDirectory(baselinesDir)) {
            return "(no " + baselinesDir + " here to read it from)";
        }
        return Baselines.load(baselinesDir, "--baselines the folder that holds index.csv").value(RmemCells.PAPER, "text", new RowLabel("DECstation 5000/200", "", ""), RmemCells.LOAD_RATIO)
                .map(v -> String.format(Locale.ROOT, "%.0f%%", v)).orElse("(not in " + baselinesDir + ")");
    }

    /** Each operation of Table 1a alone under both schemes: latency and the server's CPU by kind. */
    static List<RmemFileService.FigureRow> figures() {
        return figureRows(FileService.figures(RmemSimulated.parameters()));
    }

    private static List<RmemFileService.FigureRow> figureRows(List<FileService.Alone> alone) {
        return alone.stream().map(a -> new RmemFileService.FigureRow(a.operation().name(), a.scheme().name(),
                a.latencyMicros(), a.serverMicros().get(Work.DATA_TRANSFER), a.serverMicros().get(Work.CONTROL_TRANSFER), a.serverMicros().get(Work.PROCEDURE),
                a.serverMicros().get(Work.REPLY))).toList();
    }

    /** The file service under both schemes for each client count, {@code each} operations per client; each row is also given to {@code progress}. */
    static List<RmemFileService.Row> scale(List<Integer> counts, int each, Consumer<RmemFileService.Row> progress) {
        List<RmemFileService.Row> rows = new ArrayList<>();
        for (int n : counts) {
            for (FileService.Scheme scheme : FileService.Scheme.values()) {
                FileService.Scaled s = FileService.scale(RmemSimulated.parameters(), scheme, n, each);
                RmemFileService.Row row = new RmemFileService.Row(scheme.name(), n, s.operations(), s.latencyMicros(), s.serverMicrosPerOperation(),
                        s.serverUtilisation(), s.simulatedSeconds(), s.wallSeconds());
                progress.accept(row);
                rows.add(row);
            }
        }
        return rows;
    }

    /** Refuses more than {@link #MAX_OPERATIONS} operations a scheme, in one line saying how many operations per client fit. */
    static void checkOperations(List<Integer> counts, int operations) {
        long clientsInAll = counts.stream().mapToLong(Integer::longValue).sum();
        long total = clientsInAll * operations;
        if (total > MAX_OPERATIONS) {
            long most = MAX_OPERATIONS / clientsInAll;
            throw new UserError(String.format(Locale.ROOT, "--operations %d with --clients %s is %d simulated operations per scheme, more than the limit of %d"
                    + " (about %d s a scheme at %d operations a second, measured on a 2-core machine at a load of 2.5; indicative;"
                    + " these would take about %s); %s", operations, counts.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")), total, MAX_OPERATIONS, MAX_OPERATIONS / OPERATIONS_PER_SECOND, OPERATIONS_PER_SECOND,
                    roughly(total / OPERATIONS_PER_SECOND), most >= 1 ? "use at most " + most + " operations with these clients, or fewer clients"
                            : "give fewer clients (at most " + MAX_OPERATIONS + " in all)"));
        }
    }

    private static String roughly(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds < 3 * 86400 ? seconds / 3600 + " h" : seconds / 86400 + " days";
    }

    /** The client counts, each a whole number from 1 to what this JVM's heap holds. */
    List<Integer> counts() {
        long heap = Runtime.getRuntime().maxMemory();
        long most = heap / 2 / BYTES_PER_CLIENT;
        List<Integer> counts = new ArrayList<>();
        for (String c : ListOption.distinct("--clients", clients, "1,10,100,1000")) {
            int n;
            try {
                if (!c.strip().matches("[0-9]+")) {
                    throw new NumberFormatException(c); // Integer.parseInt would take other scripts' digits (full-width 1)
                }
                n = Integer.parseInt(c.strip());
            } catch (NumberFormatException e) {
                if (c.strip().matches("[0-9]+")) { // a number, only past int: too many for any heap, not "not a number"
                    throw new UserError("--clients: " + c.strip() + " simulated client machines are more than this JVM's heap holds; use at most " + most + " clients");
                }
                throw new UserError("--clients: '" + c + "' is not a number; give client counts such as 1,10,100,1000");
            }
            if (n < 1) {
                throw new UserError("--clients: " + n + " clients; give at least 1");
            }
            if (n > most) {
                throw new UserError(String.format(Locale.ROOT, "--clients: %d simulated client machines need about %d MB of heap and this JVM has %d MB; "
                        + "use at most %d clients", n, n * BYTES_PER_CLIENT * 2 >> 20, heap >> 20, most));
            }
            counts.add(n);
        }
        ListOption.distinctCounts("--clients", counts, "1,10,100,1000");
        return counts;
    }

    private static int access(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3) {
            throw new UserError("--access '" + spec + "': write NAME:OFFSET:BYTES, e.g. " + RmemAccess.DEMO + ":0:40");
        }
        int offset = accessNumber(spec, "OFFSET", parts[1]);
        int bytes = accessNumber(spec, "BYTES", parts[2]);
        RmemAccess.Result r = RmemAccess.read(parts[0], offset, bytes);
        System.out.printf(Locale.ROOT, "READ of %d bytes at offset %d of '%s' (machine %d, segment %d, generation %d): %.1f us simulated on the DECstation 5000/200s%n",
                bytes, offset, parts[0], r.segment().node(), r.segment().segment(), r.segment().generation(), r.micros());
        return 0;
    }

    /** OFFSET or BYTES of --access: a whole number; one only past int is too large for any segment, not "not a number". */
    private static int accessNumber(String spec, String what, String given) {
        try {
            return Integer.parseInt(given);
        } catch (NumberFormatException e) {
            if (given.matches("[+-]?[0-9]+")) {
                throw new UserError("--access '" + spec + "': " + what + " " + given + " is too " + (given.startsWith("-") ? "small" : "large") + "; a READ stays inside its segment ('" + RmemAccess.DEMO
                        + "' has " + RmemAccess.DEMO_BYTES + " bytes), e.g. " + RmemAccess.DEMO + ":0:40");
            }
            throw new UserError("--access '" + spec + "': OFFSET and BYTES must be whole numbers, e.g. " + RmemAccess.DEMO + ":0:40");
        }
    }
}
