package org.asfast.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

/** XChart charts and their SVG and PNG encodings. XChart draws text as outlines, so no label can inject markup. */
final class Charts {
    static final Color PAPER = new Color(0x4C72B0);
    static final Color RUN = new Color(0xDD8452);
    static final Color MODEL = new Color(0x55A868);
    static final Color WHAT_IF = new Color(0x8172B3);
    static final Color SIMULATED = new Color(0x937860);
    static final Color LIVE = new Color(0xC44E52);

    private Charts() {
    }

    /** One point of a per-table chart: its row label, value and (for measured rows) interval. */
    record Point(String label, double value, double low, double high) {
    }

    /** A series of points drawn in one colour. */
    record Series(String name, Color color, List<Point> points) {
    }

    /**
     * Absolute values of one column on a log axis, one x position per row label (shared by the
     * paper's row and the model's row of the same machine), labelled with the row;
     * measured rows carry their 99.9% confidence interval as error bars.
     */
    static XYChart perRow(String title, String yTitle, List<Series> series) {
        // One x position per distinct row label: a model row stands on its paper row's position.
        List<String> labels = series.stream().flatMap(s -> s.points().stream()).map(Point::label).distinct().toList();
        XYChart chart = new XYChartBuilder().width(960).height(640).title(title).xAxisTitle("").yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setXAxisTickMarkSpacingHint(10);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            long i = Math.round(x);
            return Math.abs(x - i) < 1e-6 && i >= 0 && i < labels.size() ? labels.get((int) i) : "";
        });
        // XChart's automatic log range can cut off the largest points; give it whole decades.
        double min = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> Double.isNaN(p.low()) ? p.value() : Math.min(p.value(), p.low()))
                .filter(v -> v > 0).min().orElse(1);
        // An interval without an upper bound (a bandwidth from a time interval reaching zero) is drawn capped.
        double max = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> !Double.isFinite(p.high()) ? 2 * p.value() : Math.max(p.value(), p.high()))
                .max().orElse(10);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
        for (Series s : series) {
            if (s.points().isEmpty()) {
                continue;
            }
            int n = s.points().size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            double[] errors = new double[n];
            boolean anyError = false;
            for (int i = 0; i < n; i++) {
                Point p = s.points().get(i);
                xs[i] = labels.indexOf(p.label());
                ys[i] = p.value();
                // XChart draws symmetric bars; use the half-width, capped so the bar stays above zero on a log axis.
                double half = Double.isNaN(p.low()) ? 0 : (p.high() - p.low()) / 2;
                errors[i] = Math.min(half, p.value() * 0.999);
                anyError |= half > 0;
            }
            XYSeries added = anyError ? chart.addSeries(s.name(), xs, ys, errors) : chart.addSeries(s.name(), xs, ys);
            added.setMarkerColor(s.color());
            added.setLineColor(s.color());
        }
        return chart;
    }

    static void style(XYChart chart) {
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE); // inside, it would hide points
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
    }

    /** The chart as an SVG document (without an XML prolog, which an SVG file does not need). */
    static String svg(Chart<?, ?> chart) {
        VectorGraphics2D graphics = new VectorGraphics2D();
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(graphics.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight())).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        // Coordinates to a tenth of a pixel: the text is drawn as outlines, and full precision doubles the file.
        return svg.substring(svg.indexOf("<svg")).replaceAll("(\\d+\\.\\d)\\d+", "$1");
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
