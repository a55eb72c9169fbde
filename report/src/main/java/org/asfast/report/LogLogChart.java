package org.asfast.report;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * A figure against a count on log-log axes, one line per series (xFS against a central server as the clients grow),
 * drawn as the report draws its charts, as SVG.
 */
public final class LogLogChart {
    private static final List<Color> COLORS = List.of(Charts.SIMULATED, Charts.LIVE, Charts.PAPER, Charts.MODEL, Charts.RUN, Charts.WHAT_IF);
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final Map<String, double[][]> series = new LinkedHashMap<>();

    public LogLogChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** Adds a line through the points ({@code xs[i]}, {@code ys[i]}); points at or below zero cannot be drawn and are left out. */
    public LogLogChart add(String name, double[] xs, double[] ys) {
        series.put(name, new double[][] {xs, ys});
        return this;
    }

    public String svg() {
        return Charts.svg(chart());
    }

    /** The chart itself, for a report that draws it as SVG and PNG. */
    XYChart chart() {
        XYChart chart = new XYChartBuilder().width(800).height(520).title(title).xAxisTitle(xTitle + " (log scale)").yAxisTitle(yTitle + " (log scale)").build();
        Charts.style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###"); // 20,000, not 2E4
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (double[][] xy : series.values()) {
            for (double y : xy[1]) {
                if (y > 0) {
                    lowest = Math.min(lowest, y);
                    highest = Math.max(highest, y);
                }
            }
        }
        // Labels between the decades too when the values span under two of them (else one label, or a crowd of them).
        chart.getStyler().setYAxisLogarithmicDecadeOnly(highest / lowest > 100);
        int i = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[] xs = e.getValue()[0];
            double[] ys = e.getValue()[1];
            int n = 0;
            for (int k = 0; k < xs.length; k++) {
                n += xs[k] > 0 && ys[k] > 0 ? 1 : 0;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            for (int k = 0, j = 0; k < xs.length; k++) {
                if (xs[k] > 0 && ys[k] > 0) {
                    x[j] = xs[k];
                    y[j++] = ys[k];
                }
            }
            if (n > 0) {
                XYSeries s = chart.addSeries(e.getKey(), x, y);
                Color color = COLORS.get(i++ % COLORS.size());
                s.setLineColor(color);
                s.setMarkerColor(color);
            }
        }
        return chart;
    }
}
