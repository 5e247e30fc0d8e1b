package org.mixrl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG figures for comparisons of methods: curves with bands, and intervals per method. */
public final class Figures {
  private Figures() {}

  /**
   * A curve with a band, e.g. a mean return over seeds and its 95% interval.
   *
   * @param label legend text
   * @param x abscissae, increasing
   * @param mean the line
   * @param low lower edge of the band
   * @param high upper edge of the band
   */
  public record Band(String label, double[] x, double[] mean, double[] low, double[] high) {
    public Band {
      if (x.length == 0 || mean.length != x.length || low.length != x.length
          || high.length != x.length) {
        throw new IllegalArgumentException("band '" + label + "': x, mean, low and high need the"
            + " same non-zero length, got " + x.length + ", " + mean.length + ", " + low.length
            + ", " + high.length);
      }
    }
  }

  // a colour-blind-safe palette (Okabe-Ito), cycled
  private static final Color[] PALETTE = {
    new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
    new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233),
    new Color(240, 228, 66), new Color(0, 0, 0)
  };

  private static Color color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  private static Color translucent(Color c) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), 60);
  }

  /** Lines with shaded bands, as PNG bytes. */
  public static byte[] curves(String title, String xLabel, String yLabel, List<Band> bands)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    for (int i = 0; i < bands.size(); i++) {
      Band b = bands.get(i);
      int n = b.x().length;
      // the band is one closed polygon: along the lower edge, back along the upper edge
      double[] px = new double[2 * n];
      double[] py = new double[2 * n];
      for (int j = 0; j < n; j++) {
        px[j] = b.x()[j];
        py[j] = b.low()[j];
        px[2 * n - 1 - j] = b.x()[j];
        py[2 * n - 1 - j] = b.high()[j];
      }
      XYSeries band = chart.addSeries(" band " + i, px, py);
      band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(translucent(color(i)));
      band.setLineColor(translucent(color(i)));
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
      XYSeries line = chart.addSeries(b.label(), b.x(), b.mean());
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setLineColor(color(i));
      line.setLineStyle(new BasicStroke(2f));
      line.setMarker(SeriesMarkers.NONE);
    }
    return ChartEncoder.getBytes(chart, "png");
  }

  /**
   * One point per method with its interval as a vertical bar, methods along x, as PNG bytes.
   */
  public static byte[] intervals(String title, String yLabel, List<String> labels,
      double[] mean, double[] low, double[] high) throws IOException {
    int n = labels.size();
    if (n == 0 || mean.length != n || low.length != n || high.length != n) {
      throw new IllegalArgumentException("intervals: labels, mean, low and high need the same"
          + " non-zero length, got " + n + ", " + mean.length + ", " + low.length + ", "
          + high.length);
    }
    XYChart chart = new XYChartBuilder().width(Math.max(560, 90 * n + 200)).height(560)
        .title(title).xAxisTitle("").yAxisTitle(yLabel).build();
    // methods are named in the legend: XChart places numeric ticks where it likes, so tick
    // labels cannot be relied on to fall on the methods' positions
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisMin(-0.5);
    chart.getStyler().setXAxisMax(n - 0.5);
    chart.getStyler().setXAxisTicksVisible(false);
    for (int i = 0; i < n; i++) {
      XYSeries bar = chart.addSeries(" ci " + i, new double[] {i, i},
          new double[] {low[i], high[i]});
      bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      bar.setLineColor(color(i));
      bar.setLineStyle(new BasicStroke(3f));
      bar.setMarker(SeriesMarkers.NONE);
      bar.setShowInLegend(false);
      XYSeries point = chart.addSeries(labels.get(i), new double[] {i}, new double[] {mean[i]});
      point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      point.setMarker(SeriesMarkers.CIRCLE);
      point.setMarkerColor(color(i));
    }
    chart.getStyler().setMarkerSize(12);
    return ChartEncoder.getBytes(chart, "png");
  }
}
