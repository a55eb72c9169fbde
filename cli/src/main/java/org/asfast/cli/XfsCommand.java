package org.asfast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.asfast.report.LogLogChart;
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
    static final String FILE = "xfs-scaling.csv";
    static final String LATENCY_CHART = "xfs-scaling-latency.svg";
    static final String LOAD_CHART = "xfs-scaling-load.svg";

    @Option(names = "--clients", split = ",", paramLabel = "N", description = "Client counts of the scaling run (default: ${DEFAULT-VALUE}).")
    List<String> clients = List.of("1", "10", "100", "1000");

    @Option(names = "--system", split = ",", paramLabel = "NAME", description = "Systems of the scaling run: xfs, central (default: ${DEFAULT-VALUE}).")
    List<String> systems = List.of("xfs", "central");

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write " + FILE + " (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "systems");

    @Override
    public Integer call() {
        SystemParameters parameters = XfsSimulated.parameters();
        // Every argument is checked before anything runs or is written.
        List<Integer> counts = new ArrayList<>();
        for (String c : clients) {
            counts.add(clientCount(c));
        }
        for (String s : systems) {
            if (!s.equals("xfs") && !s.equals("central")) {
                throw new UserError("unknown system '" + s + "' for --system; give xfs, central or both (xfs,central)");
            }
        }
        for (int n : counts) {
            ScaleRun.checkFits(n, parameters);
        }
        List<ScaleRun> runs = new ArrayList<>();
        System.out.println("scaling: clients, mean latency per operation (virtual us), busiest server's CPU load, wall time");
        for (int n : counts) {
            for (String s : systems) {
                ScaleRun r = ScaleRun.run(s, n, parameters);
                runs.add(r);
                System.out.printf(Locale.ROOT, "  %-7s %5d clients %6d ops  %9.1f us/op  busiest server: CPU %5.1f%%  link %5.1f%%  %.2f s virtual  %.2f s wall  %d events%n",
                        r.system(), r.clients(), r.operations(), r.meanMicros(), 100 * r.serverCpu(), 100 * r.serverLink(), r.virtualSeconds(), r.wallSeconds(), r.events());
            }
        }
        write(out.resolve(FILE), runs);
        writeCharts(out, runs);
        System.out.println("wrote " + out.resolve(FILE) + ", " + LATENCY_CHART + " and " + LOAD_CHART);
        return 0;
    }

    static int clientCount(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1) {
                throw new UserError("client count " + n + " is not positive; give e.g. --clients 1,10,100,1000");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UserError("client count '" + text + "' is not a whole number; give e.g. --clients 1,10,100,1000");
        }
    }

    /** The scaling run's two log-log charts: latency per operation, and the busiest server's CPU and link load. */
    static void writeCharts(Path dir, List<ScaleRun> runs) {
        LogLogChart latency = new LogLogChart("xFS and a central server: latency per operation", "clients", "virtual us per operation");
        LogLogChart load = new LogLogChart("xFS and a central server: the busiest server's load", "clients", "% busy (xFS: busiest manager)");
        for (String system : runs.stream().map(ScaleRun::system).distinct().toList()) {
            List<ScaleRun> mine = runs.stream().filter(r -> r.system().equals(system)).toList();
            double[] clients = mine.stream().mapToDouble(ScaleRun::clients).toArray();
            latency.add(system, clients, mine.stream().mapToDouble(ScaleRun::meanMicros).toArray());
            load.add(system + " CPU", clients, mine.stream().mapToDouble(r -> 100 * r.serverCpu()).toArray());
            load.add(system + " link", clients, mine.stream().mapToDouble(r -> 100 * r.serverLink()).toArray());
        }
        try {
            Files.writeString(dir.resolve(LATENCY_CHART), latency.svg());
            Files.writeString(dir.resolve(LOAD_CHART), load.svg());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, List<ScaleRun> runs) {
        StringBuilder csv = new StringBuilder("system,clients,operations,mean_us_per_op,server_cpu,server_link,virtual_s,wall_s,events\n");
        for (ScaleRun r : runs) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.5f,%.5f,%.4f,%.3f,%d%n", r.system(), r.clients(), r.operations(), r.meanMicros(),
                    r.serverCpu(), r.serverLink(), r.virtualSeconds(), r.wallSeconds(), r.events()));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
