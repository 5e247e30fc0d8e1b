package org.mixrl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mixrl.experiment.AtomicFiles;

/**
 * The figures of mixrl, built with XChart: learning curves with 95% confidence bands,
 * value-vs-alpha curves, variance bars on a log scale, policy densities over a reward, and
 * per-method intervals (error bars). Each method returns the chart; {@link #savePng} writes it.
 */
public final class Charts {
  /** Default figure size in pixels: readable on a page and in a notebook. */
  public static final int WIDTH = 900;

  public static final int HEIGHT = 560;

  /** A colour-blind-safe palette (Okabe and Ito 2008), so series stay distinguishable. */
  static final Color[] PALETTE = {
    new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
    new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233),
    new Color(0, 0, 0), new Color(240, 228, 66)
  };

  private Charts() {}

  /** One learning curve: the mean over seeds and its interval at each step. */
  public record Band(String name, double[] x, double[] mean, double[] lower, double[] upper) {
    public Band {
      if (x.length != mean.length || x.length != lower.length || x.length != upper.length) {
        throw new IllegalArgumentException("Band '" + name + "': x, mean, lower, upper differ in"
            + " length: " + x.length + ", " + mean.length + ", " + lower.length + ", "
            + upper.length);
      }
    }
  }

  /** A plain named curve. */
  public record Line(String name, double[] x, double[] y) {
    public Line {
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "Line '" + name + "': x and y differ in length: " + x.length + ", " + y.length);
      }
    }
  }

  /** One method's estimate with its interval, e.g. a mean final return over seeds. */
  public record Interval(String name, double mean, double lower, double upper) {}

  /** Curves with shaded confidence bands (drawn as translucent polygons without legend). */
  public static XYChart learningCurves(
      String title, String xLabel, String yLabel, List<Band> bands) {
    return learningCurves(title, xLabel, yLabel, bands, null);
  }

  /** As above, band {@code i} in {@code colors.get(i)} (null: the palette in order). */
  public static XYChart learningCurves(
      String title, String xLabel, String yLabel, List<Band> bands, List<Color> colors) {
    XYChart chart = xy(title, xLabel, yLabel);
    for (int i = 0; i < bands.size(); i++) {
      Band b = bands.get(i);
      Color c = colors != null ? colors.get(i) : PALETTE[i % PALETTE.length];
      int n = b.x().length;
      // the band is one closed polygon: along the upper edge, then back along the lower one
      double[] px = new double[2 * n];
      double[] py = new double[2 * n];
      for (int j = 0; j < n; j++) {
        px[j] = b.x()[j];
        py[j] = b.upper()[j];
        px[2 * n - 1 - j] = b.x()[j];
        py[2 * n - 1 - j] = b.lower()[j];
      }
      XYSeries band = chart.addSeries(b.name() + " 95% CI", px, py);
      band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
      band.setLineColor(new Color(0, 0, 0, 0));
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
      XYSeries mean = chart.addSeries(b.name(), b.x(), b.mean());
      mean.setLineColor(c);
      mean.setMarker(SeriesMarkers.NONE);
      mean.setLineWidth(2f);
    }
    return chart;
  }

  /** Value-vs-alpha (or any x) curves with markers, one per policy class. */
  public static XYChart curves(String title, String xLabel, String yLabel, List<Line> lines) {
    XYChart chart = xy(title, xLabel, yLabel);
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.x().length == 0) {
        continue; // XChart rejects empty series; a class with no attained point has no curve
      }
      XYSeries s = chart.addSeries(l.name(), l.x(), l.y());
      s.setLineColor(PALETTE[i % PALETTE.length]);
      s.setMarkerColor(PALETTE[i % PALETTE.length]);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineWidth(2f);
    }
    return chart;
  }

  /**
   * A curve with an explicit style, so related series share a colour across figures: colour
   * and marker are indices into the palette and the marker list; {@code dashed} draws a dashed
   * line; {@code pointsOnly} draws markers without a line (e.g. where a curve ends).
   */
  public record StyledLine(Line line, int colour, int marker, boolean dashed,
      boolean pointsOnly) {}

  private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {
    SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
    SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS
  };

  /** The palette colour with index {@code i} (cycling), for figures drawn outside this class. */
  public static Color colour(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** Curves with explicit colours, markers and line styles; empty curves are skipped. */
  public static XYChart styledCurves(
      String title, String xLabel, String yLabel, List<StyledLine> lines) {
    XYChart chart = xy(title, xLabel, yLabel);
    for (StyledLine st : lines) {
      Line l = st.line();
      if (l.x().length == 0) {
        continue;
      }
      XYSeries s = chart.addSeries(l.name(), l.x(), l.y());
      Color c = colour(st.colour());
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setMarker(MARKERS[Math.floorMod(st.marker(), MARKERS.length)]);
      if (st.pointsOnly()) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      } else {
        s.setLineWidth(2f);
        if (st.dashed()) {
          s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
              new float[] {8f, 5f}, 0f));
        }
      }
    }
    return chart;
  }

  /** Grouped bars on a linear y axis: {@code values[s][c]} is series s at category c. */
  public static CategoryChart bars(String title, String xLabel, String yLabel,
      List<String> categories, List<String> seriesNames, double[][] values) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    for (int s = 0; s < seriesNames.size(); s++) {
      chart.addSeries(seriesNames.get(s), categories, toList(values[s]))
          .setFillColor(PALETTE[s % PALETTE.length]);
    }
    return chart;
  }

  /**
   * Grouped bars on a logarithmic y axis: {@code values[s][c]} is series s at category c (e.g.
   * one series per reward, one category per estimator). Values must be positive.
   */
  public static CategoryChart logBars(String title, String xLabel, String yLabel,
      List<String> categories, List<String> seriesNames, double[][] values) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    style(chart.getStyler());
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    for (int s = 0; s < seriesNames.size(); s++) {
      if (values[s].length != categories.size()) {
        throw new IllegalArgumentException("logBars: series '" + seriesNames.get(s) + "' has "
            + values[s].length + " values for " + categories.size() + " categories");
      }
      for (double v : values[s]) {
        if (!(v > 0)) {
          throw new IllegalArgumentException(
              "logBars: values must be > 0 on a log axis, got " + v);
        }
      }
      chart.addSeries(seriesNames.get(s), categories, toList(values[s]))
          .setFillColor(PALETTE[s % PALETTE.length]);
    }
    // XChart's bars start at 0, which a log axis rejects: give it whole decades around the data
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double[] row : values) {
      for (double v : row) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
    return chart;
  }

  /**
   * A reward curve (left axis) and policy densities pi(a) (right axis) over the same actions,
   * so one sees which bumps each policy covers.
   */
  public static XYChart densityOverReward(
      String title, Line reward, List<Line> densities) {
    XYChart chart = xy(title, "action a", "reward r(a)");
    XYSeries r = chart.addSeries(reward.name(), reward.x(), reward.y());
    r.setLineColor(Color.GRAY);
    r.setMarker(SeriesMarkers.NONE);
    r.setLineWidth(3f);
    r.setLineStyle(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {8f, 5f}, 0f));
    for (int i = 0; i < densities.size(); i++) {
      Line d = densities.get(i);
      XYSeries s = chart.addSeries(d.name(), d.x(), d.y());
      s.setYAxisGroup(1);
      s.setLineColor(PALETTE[i % PALETTE.length]);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineWidth(2f);
    }
    chart.setYAxisGroupTitle(1, "policy density pi(a)");
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.getStyler().setXAxisDecimalPattern("0.0#");
    chart.getStyler().setYAxisMin(0, 0.0);
    chart.getStyler().setYAxisMin(1, 0.0);
    return chart;
  }

  /**
   * One point per method with its interval as a vertical bar, methods along x. Methods are
   * named in the legend only: XChart places numeric ticks where it likes, so tick labels cannot
   * be relied on to fall on the methods' positions.
   */
  public static XYChart intervals(String title, String yLabel, List<Interval> intervals) {
    return intervals(title, yLabel, intervals, null);
  }

  /** As above, interval {@code i} in {@code colors.get(i)} (null: the palette in order). */
  public static XYChart intervals(String title, String yLabel, List<Interval> intervals,
      List<Color> colors) {
    int n = intervals.size();
    if (n == 0) {
      throw new IllegalArgumentException("intervals: need at least one interval, got none");
    }
    // narrower than the other figures, so the legend goes below and leaves the plot its width
    XYChart chart = xy(Math.max(700, 90 * n + 200), title, "", yLabel);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisMin(-0.5);
    chart.getStyler().setXAxisMax(n - 0.5);
    chart.getStyler().setXAxisTicksVisible(false);
    chart.getStyler().setMarkerSize(12);
    for (int i = 0; i < n; i++) {
      Interval iv = intervals.get(i);
      Color c = colors != null ? colors.get(i) : PALETTE[i % PALETTE.length];
      XYSeries bar = chart.addSeries(iv.name() + " 95% CI", new double[] {i, i},
          new double[] {iv.lower(), iv.upper()});
      bar.setLineColor(c);
      bar.setLineWidth(3f);
      bar.setMarker(SeriesMarkers.NONE);
      bar.setShowInLegend(false);
      XYSeries point = chart.addSeries(iv.name(), new double[] {i}, new double[] {iv.mean()});
      point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      point.setMarker(SeriesMarkers.CIRCLE);
      point.setMarkerColor(c);
    }
    return chart;
  }

  /**
   * One method's per-seed values (one dot each) with its mean and interval.
   *
   * @param name legend name
   * @param values one value per seed
   * @param mean the mean shown as a bar
   * @param lower lower end of the interval
   * @param upper upper end of the interval
   * @param color the method's colour
   */
  public record Strip(String name, double[] values, double mean, double lower, double upper,
      Color color) {}

  /**
   * A strip plot: methods along x, one hollow dot per seed (seed i of every method at the same
   * small offset, so paired seeds line up), the mean as a short bar and the interval as a
   * line beside the dots. Methods are named in the legend (tick positions are XChart's).
   */
  public static XYChart strips(String title, String yLabel, List<Strip> strips) {
    int n = strips.size();
    if (n == 0) {
      throw new IllegalArgumentException("strips: need at least one method, got none");
    }
    XYChart chart = xy(Math.max(900, 110 * n + 260), title, "", yLabel);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisMin(-0.5);
    chart.getStyler().setXAxisMax(n - 0.5);
    chart.getStyler().setXAxisTicksVisible(false);
    chart.getStyler().setMarkerSize(9);
    for (int i = 0; i < n; i++) {
      Strip st = strips.get(i);
      int m = st.values().length;
      double[] x = new double[m];
      for (int j = 0; j < m; j++) {
        x[j] = i - 0.25 + (m == 1 ? 0.25 : 0.5 * j / (m - 1)) * 0.8;
      }
      XYSeries dots = chart.addSeries(st.name() + " (n=" + m + ")", x, st.values());
      dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      dots.setMarker(SeriesMarkers.CIRCLE);
      dots.setMarkerColor(st.color());
      XYSeries mean = chart.addSeries(st.name() + " mean", new double[] {i - 0.3, i + 0.3},
          new double[] {st.mean(), st.mean()});
      mean.setLineColor(st.color());
      mean.setLineWidth(2f);
      mean.setMarker(SeriesMarkers.NONE);
      mean.setShowInLegend(false);
      XYSeries ci = chart.addSeries(st.name() + " 95% CI", new double[] {i + 0.35, i + 0.35},
          new double[] {st.lower(), st.upper()});
      ci.setLineColor(st.color());
      ci.setLineWidth(3f);
      ci.setMarker(SeriesMarkers.NONE);
      ci.setShowInLegend(false);
    }
    return chart;
  }

  /** Writes {@code chart} as PNG to {@code target} atomically (temp file, then rename). */
  public static void savePng(Chart<?, ?> chart, Path target) throws IOException {
    // ChartEncoder is XChart 4's encoder by format name (BitmapEncoder's are deprecated)
    AtomicFiles.write(target, ChartEncoder.getBytes(chart, "png"));
  }

  private static XYChart xy(String title, String xLabel, String yLabel) {
    return xy(WIDTH, title, xLabel, yLabel);
  }

  private static XYChart xy(int width, String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(width).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    return chart;
  }

  static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
      a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      a.setPlotGridLinesColor(new Color(225, 225, 225));
    }
  }

  private static List<Double> toList(double[] v) {
    java.util.ArrayList<Double> out = new java.util.ArrayList<>(v.length);
    for (double x : v) {
      out.add(x);
    }
    return out;
  }
}
