package org.mixrl.plot;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.mixrl.experiment.AtomicFiles;
import org.mixrl.experiment.VarianceMap;

/**
 * The MRP-vs-LR heat map: one row per setting of the non-alpha axes, one column per alpha, the
 * colour log(Var_MRP / Var_LR) on a scale centred at 0 (MRP's colour, vermillion, where MRP has
 * the lower variance, LR's green where LR has), the value written in each cell. Cells whose
 * |log ratio| is below 2 standard errors are left unpainted (grey): the data do not say which
 * estimator is lower there.
 */
public final class VarianceMapChart {
  /** Background of the cells left out: within 2 SE of 0. */
  static final Color UNDECIDED = new Color(200, 200, 200);

  /** Which LR the map compares MRP with. */
  public enum Against {
    /** LR with one draw per state (1 critic evaluation vs MRP's K). */
    LR("LR, 1 draw per state"),
    /** LR with K draws per state: as many critic evaluations as MRP. */
    LR_EQUAL_COST("equal-cost LR, K draws per state");

    private final String description;

    Against(String description) {
      this.description = description;
    }
  }

  private VarianceMapChart() {}

  /**
   * The heat map of {@code cells} against {@code against}; the colour scale runs from -m to m
   * with m the largest |log ratio| of the cells shown (at least 0.5), so 0 is always white.
   */
  public static HeatMapChart of(List<VarianceMap.Cell> cells, Against against) {
    return of(cells, against, scaleOf(cells));
  }

  /** As above with the scale [-limit, limit] (share one limit between maps to compare them). */
  public static HeatMapChart of(List<VarianceMap.Cell> cells, Against against, double limit) {
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("VarianceMapChart: no cells to draw");
    }
    if (!(limit > 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException(
          "VarianceMapChart: colour limit must be finite and > 0, got " + limit);
    }
    List<Double> alphas = new ArrayList<>();
    List<VarianceMap.Setting> settings = new ArrayList<>();
    for (VarianceMap.Cell c : cells) {
      if (!alphas.contains(c.alpha())) {
        alphas.add(c.alpha());
      }
      if (!settings.contains(c.setting())) {
        settings.add(c.setting());
      }
    }
    ToDoubleFunction<VarianceMap.Cell> value = against == Against.LR
        ? VarianceMap.Cell::logRatio : VarianceMap.Cell::logRatioEqualCost;
    ToDoubleFunction<VarianceMap.Cell> se = against == Against.LR
        ? VarianceMap.Cell::logRatioStdError : VarianceMap.Cell::logRatioEqualCostStdError;
    List<String> xLabels = new ArrayList<>();
    for (double a : alphas) {
      xLabels.add(axisLabel(a));
    }
    // XChart draws row 0 at the bottom: list the settings bottom-up so the base is on top
    List<String> yLabels = new ArrayList<>();
    for (int i = settings.size() - 1; i >= 0; i--) {
      yLabels.add(settings.get(i).label());
    }
    List<Number[]> heat = new ArrayList<>();
    for (VarianceMap.Cell c : cells) {
      double v = value.applyAsDouble(c);
      if (Math.abs(v) >= 2 * se.applyAsDouble(c)) {
        int x = alphas.indexOf(c.alpha());
        int y = settings.size() - 1 - settings.indexOf(c.setting());
        heat.add(new Number[] {x, y, Math.max(-limit, Math.min(limit, v))});
      }
    }
    int height = Math.max(420, 110 + 34 * settings.size());
    HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH + 200).height(height)
        .title("log(Var MRP / Var " + against.description + ")")
        .xAxisTitle("entropy scale alpha      (vermillion < 0: MRP lower;  green > 0: LR lower;"
            + "  grey: |log ratio| < 2 SE)")
        .yAxisTitle("").build();
    HeatMapStyler s = chart.getStyler();
    Charts.style(s);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    s.setPlotBackgroundColor(UNDECIDED);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    // the methods' own colours (MethodColors): MRP's where MRP is lower, LR's where LR is
    s.setRangeColors(
        new Color[] {MethodColors.of("SGM-MRP"), Color.WHITE, MethodColors.of("SGM-LR")});
    s.setMin(-limit);
    s.setMax(limit);
    s.setPiecewise(false);
    s.setShowValue(true);
    s.setHeatMapValueDecimalPattern("0.00");
    s.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setValueFontColor(Color.BLACK);
    s.setDrawBorder(true);
    s.setPlotGridLinesVisible(false);
    // every row and column labelled: the default hint (74 px) skips every other row
    s.setYAxisTickMarkSpacingHint(16);
    s.setXAxisTickMarkSpacingHint(16);
    chart.addSeries("log ratio (<0: MRP lower)", xLabels, yLabels, heat);
    return chart;
  }

  /** max |log ratio| over both comparisons, at least 0.5: one scale for both maps. */
  public static double scaleOf(List<VarianceMap.Cell> cells) {
    double m = 0.5;
    for (VarianceMap.Cell c : cells) {
      m = Math.max(m, Math.abs(c.logRatio()));
      m = Math.max(m, Math.abs(c.logRatioEqualCost()));
    }
    return Math.ceil(m * 2) / 2;
  }

  /** Both maps (against LR, then equal-cost LR) on one colour scale, stacked in one PNG. */
  public static void saveBoth(List<VarianceMap.Cell> cells, Path target) throws IOException {
    double limit = scaleOf(cells);
    List<HeatMapChart> charts = List.of(of(cells, Against.LR, limit),
        of(cells, Against.LR_EQUAL_COST, limit));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    BitmapEncoder.saveBitmap(charts, 2, 1, png, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(target, png.toByteArray());
  }

  /** An alpha as the axis shows it: 3 significant digits, no trailing zeros. */
  public static String axisLabel(double v) {
    String s = String.format(Locale.ROOT, "%.3g", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
