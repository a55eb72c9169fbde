package org.asfast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.asfast.report.AtomicFiles;
import org.asfast.report.XfsScaling;
import org.asfast.spi.UserError;
import org.asfast.systems.SystemParameters;
import org.asfast.xfs.ScaleRun;
import org.asfast.xfs.XfsSimulated;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asfast xfs}: the simulated xFS against a central server as the clients grow: latency per operation and the
 * busiest server's load (the numbers of a log-log chart), written to {@code xfs-scaling.csv}. The §6.2 figures are
 * among {@code asfast systems}' cells.
 */
@Command(name = "xfs", mixinStandardHelpOptions = true,
        description = "Runs the simulated xFS against a central server with more and more clients (the §6.2 figures are in 'asfast systems').")
public final class XfsCommand implements Callable<Integer> {
    static final String FILE = XfsScaling.FILE;
    static final String LATENCY_CHART = XfsScaling.LATENCY_CHART + ".svg";
    static final String LOAD_CHART = XfsScaling.LOAD_CHART + ".svg";
    /** What a run (the main job) simulates: the client counts, both systems. */
    static final List<Integer> RUN_CLIENTS = List.of(1, 10, 100, 1000);
    static final List<String> SYSTEMS = List.of("xfs", "central");

    @Option(names = "--clients", split = ",", paramLabel = "N", description = "Client counts of the scaling run (default: ${DEFAULT-VALUE}).")
    List<String> clients = List.of("1", "10", "100", "1000");

    @Option(names = "--system", split = ",", paramLabel = "NAME", description = "Systems of the scaling run: xfs, central (default: ${DEFAULT-VALUE}).")
    List<String> systems = SYSTEMS;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write " + FILE + " (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "systems");

    @Override
    public Integer call() {
        SystemParameters parameters = XfsSimulated.parameters();
        // Every argument is checked before anything runs or is written.
        List<Integer> counts = new ArrayList<>();
        for (String c : ListOption.distinct("--clients", clients, "1,10,100,1000")) {
            counts.add(clientCount(c, parameters));
        }
        ListOption.distinctCounts("--clients", counts, "1,10,100,1000");
        for (String s : ListOption.distinct("--system", systems, "xfs,central")) {
            if (!s.equals("xfs") && !s.equals("central")) {
                throw new UserError("unknown system '" + s + "' for --system; give xfs, central or both (xfs,central)");
            }
        }
        for (int n : counts) {
            ScaleRun.checkFits(n, parameters);
        }
        AtomicFiles.requireWritable(out, 16L << 20, FILE + " and its charts");
        AtomicFiles.requireReplaceable(out.resolve(FILE), out.resolve(LATENCY_CHART), out.resolve(LOAD_CHART));
        System.out.println("scaling: clients, mean latency per operation (virtual us), busiest server's CPU load, wall time");
        List<XfsScaling.Row> rows = scale(counts, systems, r -> System.out.printf(Locale.ROOT,
                "  %-7s %5d clients %6d ops  %9.1f us/op  busiest server: CPU %5.1f%%  link %5.1f%%  %.2f s virtual  %.2f s wall  %d events%n",
                r.system(), r.clients(), r.operations(), r.meanUs(), 100 * r.serverCpu(), 100 * r.serverLink(), r.virtualSeconds(), r.wallSeconds(), r.events()));
        XfsScaling.write(out.resolve(FILE), rows);
        writeCharts(out, rows);
        System.out.println("wrote " + out.resolve(FILE) + ", " + LATENCY_CHART + " and " + LOAD_CHART);
        return 0;
    }

    static int clientCount(String text, SystemParameters parameters) {
        String digits = text.strip();
        if (!digits.matches("[0-9]+")) {
            throw new UserError("client count '" + text + "' is not a whole number; give e.g. --clients 1,10,100,1000");
        }
        if (digits.replaceFirst("^0+(?=.)", "").length() > 9) { // a billion or more: too many for any heap, not "not a number"
            throw new UserError("client count " + digits + " is more simulated clients than this JVM can hold; give at most "
                    + ScaleRun.mostClients(parameters) + " clients");
        }
        int n = Integer.parseInt(digits);
        if (n < 1) {
            throw new UserError("client count " + n + " is not positive; give e.g. --clients 1,10,100,1000");
        }
        return n;
    }

    /** The scaling runs of {@code systems} with each of {@code counts} clients, in that order; {@code progress} gets each as it ends. */
    static List<XfsScaling.Row> scale(List<Integer> counts, List<String> systems, Consumer<XfsScaling.Row> progress) {
        SystemParameters parameters = XfsSimulated.parameters();
        List<XfsScaling.Row> rows = new ArrayList<>();
        for (int n : counts) {
            for (String s : systems) {
                ScaleRun r = ScaleRun.run(s, n, parameters);
                XfsScaling.Row row = new XfsScaling.Row(r.system(), r.clients(), r.operations(), r.meanMicros(), r.serverCpu(), r.serverLink(),
                        r.virtualSeconds(), r.wallSeconds(), r.events());
                rows.add(row);
                progress.accept(row);
            }
        }
        return rows;
    }

    /** The scaling run's two log-log charts: latency per operation, and the busiest server's CPU and link load. */
    static void writeCharts(Path dir, List<XfsScaling.Row> rows) {
        String latency = XfsScaling.latencyChart(rows).svg();
        String load = XfsScaling.loadChart(rows).svg();
        AtomicFiles.write(dir.resolve(LATENCY_CHART), w -> w.write(latency));
        AtomicFiles.write(dir.resolve(LOAD_CHART), w -> w.write(load));
    }
}
