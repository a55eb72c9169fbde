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

    /**
     * DX's server CPU time over Hybrid-1's, read from the figures three ways: summed over the operations other than Null
     * Ping (which moves no data), each once, as the in-text cell reads it (a calibration: that reading was chosen with
     * the paper's 50% in view); the same with Null Ping; and the mean of the per-operation ratios.
     */
    public record LoadRatios(double eachOnce, double withNullPing, double meanOfRatios) {
        /** Whether every reading is under half, the paper's "less than half the server load". */
        public boolean allUnderHalf() {
            return eachOnce < 0.5 && withNullPing < 0.5 && meanOfRatios < 0.5;
        }
    }

    /** Table 1a's Null Ping, the one operation that moves no data (Table 1b). */
    static final String NULL_PING = "Null Ping Call";

    /** The load ratios of {@code rows}; null unless every operation has a DX and a Hybrid-1 row, Hybrid-1's above 0. */
    public static LoadRatios loadRatios(List<FigureRow> rows) {
        java.util.Map<String, double[]> byOperation = new java.util.LinkedHashMap<>();
        for (FigureRow r : rows) {
            int scheme = r.scheme().equals("DX") ? 0 : r.scheme().equals("HYBRID_1") ? 1 : -1;
            if (scheme < 0) {
                return null;
            }
            byOperation.computeIfAbsent(r.operation(), o -> new double[] {Double.NaN, Double.NaN})[scheme] = r.serverUs();
        }
        if (byOperation.isEmpty() || byOperation.values().stream().anyMatch(v -> Double.isNaN(v[0]) || Double.isNaN(v[1]) || v[1] <= 0)) {
            return null;
        }
        double[] all = new double[2];
        double[] moving = new double[2];
        double ratios = 0;
        int n = 0;
        for (var e : byOperation.entrySet()) {
            for (int i = 0; i < 2; i++) {
                all[i] += e.getValue()[i];
                moving[i] += e.getKey().equals(NULL_PING) ? 0 : e.getValue()[i];
            }
            if (!e.getKey().equals(NULL_PING)) {
                ratios += e.getValue()[0] / e.getValue()[1];
                n++;
            }
        }
        return new LoadRatios(moving[0] / moving[1], all[0] / all[1], ratios / n);
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
                .xAxisTitle("client machines (log scale)").yAxisTitle("microseconds per operation, virtual time (log scale)").build();
        Charts.style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###"); // 20,000, not 2E4
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
