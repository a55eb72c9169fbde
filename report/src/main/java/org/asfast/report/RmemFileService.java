package org.asfast.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * Thekkath et al.'s file service, simulated (files in a run's folder, from {@code asfast rmem} or the run):
 * {@code rmem-figures.csv}, each operation of Table 1a alone under DX and Hybrid-1, its latency (Figure 2) and the
 * server's CPU time split as Figure 3 splits it; {@code rmem-scale.csv}, 1 to 1000 clients running the mix, the mean
 * latency and the server's CPU time per operation, drawn against the number of clients on log-log axes.
 */
public final class RmemFileService {
    public static final String FILE = "rmem-scale.csv";
    public static final String FIGURES_FILE = "rmem-figures.csv";
    private static final List<String> FIGURE_COLUMNS = List.of("operation", "scheme", "latency_us", "data_transfer_us", "control_transfer_us",
            "procedure_us", "reply_us");
    private static final List<String> COLUMNS = List.of("scheme", "clients", "operations", "latency_us", "server_us_per_operation", "server_utilisation",
            "simulated_s", "wall_s");

    /** One scaling run (virtual-time figures; the wall time is this computer's for the simulation). */
    public record Row(String scheme, int clients, long operations, double latencyUs, double serverUsPerOperation, double serverUtilisation,
            double simulatedSeconds, double wallSeconds) {
    }

    /** One operation alone under one scheme: the client's latency (Figure 2) and the server's CPU time by kind (Figure 3). */
    public record FigureRow(String operation, String scheme, double latencyUs, double dataTransferUs, double controlTransferUs, double procedureUs,
            double replyUs) {
        public double serverUs() {
            return dataTransferUs + controlTransferUs + procedureUs + replyUs;
        }
    }

    private RmemFileService() {
    }

    public static void writeFigures(Path file, List<FigureRow> rows) {
        AtomicFiles.write(file, w -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(FIGURE_COLUMNS.toArray(String[]::new)).build().print(w)) {
                for (FigureRow r : rows) {
                    csv.printRecord(r.operation(), r.scheme(), r.latencyUs(), r.dataTransferUs(), r.controlTransferUs(), r.procedureUs(), r.replyUs());
                }
            }
        });
    }

    /** A run's Figure 2 and 3 rows; none when the run has no such file. */
    public static List<FigureRow> readFigures(Path runDir) {
        return RunCsv.rows(runDir.resolve(FIGURES_FILE), "rmem figures file", r -> new FigureRow(r.get("operation"), r.get("scheme"),
                Double.parseDouble(r.get("latency_us")), Double.parseDouble(r.get("data_transfer_us")), Double.parseDouble(r.get("control_transfer_us")),
                Double.parseDouble(r.get("procedure_us")), Double.parseDouble(r.get("reply_us"))));
    }

    public static void write(Path file, List<Row> rows) {
        AtomicFiles.write(file, w -> {
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).build().print(w)) {
                for (Row r : rows) {
                    csv.printRecord(r.scheme(), r.clients(), r.operations(), r.latencyUs(), r.serverUsPerOperation(), r.serverUtilisation(),
                            r.simulatedSeconds(), r.wallSeconds());
                }
            }
        });
    }

    /** A run's scaling rows; none when the run has no such file. */
    public static List<Row> read(Path runDir) {
        return RunCsv.rows(runDir.resolve(FILE), "rmem scaling file", r -> new Row(r.get("scheme"), Integer.parseInt(r.get("clients")),
                Long.parseLong(r.get("operations")), Double.parseDouble(r.get("latency_us")), Double.parseDouble(r.get("server_us_per_operation")),
                Double.parseDouble(r.get("server_utilisation")), Double.parseDouble(r.get("simulated_s")), Double.parseDouble(r.get("wall_s"))));
    }

    /** Latency and server CPU per operation against clients, per scheme, on log-log axes. */
    static XYChart chart(List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(960).height(560).title("Thekkath et al.'s file service: DX against Hybrid-1, simulated")
                .xAxisTitle("client machines").yAxisTitle("microseconds per operation").build();
        Charts.style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (String scheme : rows.stream().map(Row::scheme).distinct().toList()) {
            List<Row> mine = rows.stream().filter(r -> r.scheme().equals(scheme)).toList();
            double[] clients = mine.stream().mapToDouble(Row::clients).toArray();
            Color color = scheme.equals("DX") ? Charts.SIMULATED : Charts.LIVE;
            XYSeries latency = chart.addSeries(scheme + " latency", clients, mine.stream().mapToDouble(Row::latencyUs).toArray());
            latency.setLineColor(color);
            latency.setMarkerColor(color);
            XYSeries load = chart.addSeries(scheme + " server CPU", clients, mine.stream().mapToDouble(Row::serverUsPerOperation).toArray());
            load.setLineColor(color);
            load.setMarkerColor(color);
            load.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return chart;
    }
}
