package org.mixrl.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mixrl.experiment.ActionDensity;

/**
 * Figures of an {@link ActionDensity.Grid}: the policy density pi(a | s) in the method's colour
 * and the learned critic min_k Q_k(s, a), as curves (1-D actions) or heat maps over the action
 * square (2-D actions, a_0 across, a_1 up).
 */
public final class ActionDensityCharts {
  private ActionDensityCharts() {}

  /** The density; {@code family} (e.g. SGM-MRP) picks the colour via {@link MethodColors}. */
  public static Chart<?, ?> density(ActionDensity.Grid g, String title, String family) {
    Color c = MethodColors.of(family);
    return g.actionDim() == 1
        ? curve(g, title, "policy density pi(a|s)", g.density(), c)
        : heatMap(g, title, g.density(), c);
  }

  /** The critic's min_k Q_k(s, a) over the same grid, in grey. */
  public static Chart<?, ?> critic(ActionDensity.Grid g, String title) {
    Color c = new Color(60, 60, 60);
    return g.actionDim() == 1
        ? curve(g, title, "critic min_k Q_k(s,a)", g.qMin(), c)
        : heatMap(g, title, g.qMin(), c);
  }

  private static XYChart curve(ActionDensity.Grid g, String title, String yLabel, double[] y,
      Color color) {
    XYChart chart = new org.knowm.xchart.XYChartBuilder().width(Charts.WIDTH)
        .height(Charts.HEIGHT).title(title).xAxisTitle("action a").yAxisTitle(yLabel).build();
    Charts.style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisDecimalPattern("0.0#");
    XYSeries s = chart.addSeries(yLabel, g.axes()[0], y);
    s.setLineColor(color);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineWidth(2f);
    return chart;
  }

  private static HeatMapChart heatMap(ActionDensity.Grid g, String title, double[] values,
      Color color) {
    int n = g.axes()[0].length;
    HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH)
        .height(Charts.HEIGHT).title(title).xAxisTitle("a_0").yAxisTitle("a_1").build();
    Charts.style(chart.getStyler());
    chart.getStyler().setPlotGridLinesVisible(false);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    List<Number[]> cells = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      // values are row-major over (a_0, a_1), the last axis fastest
      cells.add(new Number[] {i / n, i % n, values[i]});
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    // the legend prints its ends unformatted: round them outwards to 3 significant digits
    double top = roundOut(hi > lo ? hi : lo + 1, true);
    chart.getStyler().setRangeColors(new Color[] {Color.WHITE, color})
        .setMin(lo >= 0 && lo < 1e-3 * top ? 0.0 : roundOut(lo, false)).setMax(top)
        .setDrawBorder(false).setShowValue(false)
        .setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setHeatMapDecimalValueFormatter(
        v -> String.format(Locale.ROOT, "%.3g", v));
    chart.addSeries(title, labels(g.axes()[0]), labels(g.axes()[1]), cells);
    return chart;
  }

  /** {@code v} rounded to 3 significant digits, up or down. */
  private static double roundOut(double v, boolean up) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
    double r = (up ? Math.ceil(v / scale) : Math.floor(v / scale)) * scale;
    return Double.parseDouble(String.format(Locale.ROOT, "%.3g", r));
  }

  /** Axis categories: each cell's coordinate (XChart shows as many as fit). */
  private static List<String> labels(double[] axis) {
    List<String> out = new ArrayList<>(axis.length);
    for (double v : axis) {
      out.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return out;
  }
}
