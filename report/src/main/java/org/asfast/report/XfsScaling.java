package org.asfast.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * xFS against a central server as the clients grow, simulated ({@code xfs-scaling.csv} in a run's folder, from
 * {@code asfast xfs} or the run): each run's mean latency per operation and the busiest server's CPU and link load
 * (xFS: its busiest manager), drawn against the number of clients on log-log axes.
 */
public final class XfsScaling {
    public static final String FILE = "xfs-scaling.csv";
    public static final String LATENCY_CHART = "xfs-scaling-latency";
    public static final String LOAD_CHART = "xfs-scaling-load";
    private static final List<String> COLUMNS = List.of("system", "clients", "operations", "mean_us_per_op", "server_cpu", "server_link", "virtual_s",
            "wall_s", "events");

    /** One run: virtual-time figures, and this computer's wall time for the simulation. */
    public record Row(String system, int clients, long operations, double meanUs, double serverCpu, double serverLink, double virtualSeconds,
            double wallSeconds, long events) {
    }

    private XfsScaling() {
    }

    public static void write(Path file, List<Row> rows) {
        AtomicFiles.write(file, w -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).build().print(w)) {
                for (Row r : rows) {
                    csv.printRecord(r.system(), r.clients(), r.operations(), String.format(Locale.ROOT, "%.3f", r.meanUs()),
                            String.format(Locale.ROOT, "%.5f", r.serverCpu()), String.format(Locale.ROOT, "%.5f", r.serverLink()),
                            String.format(Locale.ROOT, "%.4f", r.virtualSeconds()), String.format(Locale.ROOT, "%.3f", r.wallSeconds()), r.events());
                }
            }
        });
    }

    /** A run's scaling rows; none when the run has no such file. */
    public static List<Row> read(Path runDir) {
        return RunCsv.rows(runDir.resolve(FILE), "xFS scaling file", r -> new Row(r.get("system"), Integer.parseInt(r.get("clients")),
                Long.parseLong(r.get("operations")), Double.parseDouble(r.get("mean_us_per_op")), Double.parseDouble(r.get("server_cpu")),
                Double.parseDouble(r.get("server_link")), Double.parseDouble(r.get("virtual_s")), Double.parseDouble(r.get("wall_s")),
                Long.parseLong(r.get("events"))));
    }

    /** Latency per operation against clients, one line per system. */
    public static LogLogChart latencyChart(List<Row> rows) {
        LogLogChart chart = new LogLogChart("xFS and a central server: latency per operation", "clients", "microseconds per operation, virtual time");
        for (String system : systems(rows)) {
            chart.add(system, clients(rows, system), of(rows, system).stream().mapToDouble(Row::meanUs).toArray());
        }
        return chart;
    }

    /** The busiest server's CPU and link load against clients: the central server saturates, xFS's managers do not. */
    public static LogLogChart loadChart(List<Row> rows) {
        LogLogChart chart = new LogLogChart("xFS and a central server: the busiest server's load", "clients", "% busy (xFS: busiest manager)");
        for (String system : systems(rows)) {
            chart.add(system + " CPU", clients(rows, system), of(rows, system).stream().mapToDouble(r -> 100 * r.serverCpu()).toArray());
            chart.add(system + " link", clients(rows, system), of(rows, system).stream().mapToDouble(r -> 100 * r.serverLink()).toArray());
        }
        return chart;
    }

    private static List<String> systems(List<Row> rows) {
        return rows.stream().map(Row::system).distinct().toList();
    }

    private static List<Row> of(List<Row> rows, String system) {
        return rows.stream().filter(r -> r.system().equals(system)).toList();
    }

    private static double[] clients(List<Row> rows, String system) {
        return of(rows, system).stream().mapToDouble(Row::clients).toArray();
    }
}
