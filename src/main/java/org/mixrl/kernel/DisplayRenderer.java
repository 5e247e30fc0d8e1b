package org.mixrl.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mixrl.tensor.Tensor;

/**
 * Turns a value into the MIME bundle a notebook shows: an XChart chart as {@code image/png}, a
 * small tensor (rank 1 or 2, at most {@value #MAX_TABLE_CELLS} numbers) as an HTML table,
 * and everything as {@code text/plain}.
 */
public final class DisplayRenderer {
  /** Larger tensors are shown as their (summarizing) text, not a table. */
  public static final int MAX_TABLE_CELLS = 400;

  /** Renders {@code value} with its own text form. */
  public DisplayData render(Object value) {
    return render(value, null);
  }

  /**
   * Renders {@code value}; {@code text}, when not null, is used as the plain-text form of
   * values without a richer one (JShell's text quotes strings and spells out arrays).
   */
  public DisplayData render(Object value, String text) {
    if (value instanceof DisplayData d) {
      return d; // already rendered by the cell itself
    }
    if (value instanceof Chart<?, ?> chart) {
      return chart(chart);
    }
    DisplayData data = new DisplayData(text != null ? text : plainText(value));
    if (value instanceof Tensor t && tableFits(t)) {
      data = new DisplayData(t.toString());
      data.putHTML(TensorTable.html(t));
    }
    return data;
  }

  private static DisplayData chart(Chart<?, ?> chart) {
    byte[] png;
    try {
      png = ChartEncoder.getBytes(chart, "png");
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the chart as PNG", e);
    }
    String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " '" + chart.getTitle() + "'";
    DisplayData data =
        new DisplayData(
            chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "x" + chart.getHeight() + ")");
    data.putData("image/png", Base64.getEncoder().encodeToString(png));
    return data;
  }

  private static boolean tableFits(Tensor t) {
    return (t.rank() == 1 || t.rank() == 2) && t.numel() > 0 && t.numel() <= MAX_TABLE_CELLS;
  }

  /** {@code String.valueOf}, except that arrays show their elements. */
  static String plainText(Object value) {
    if (value != null && value.getClass().isArray()) {
      String s = Arrays.deepToString(new Object[] {value});
      return s.substring(1, s.length() - 1);
    }
    return String.valueOf(value);
  }

  /** An HTML table of a rank-1 (one row) or rank-2 tensor. */
  static final class TensorTable {
    private TensorTable() {}

    static String html(Tensor t) {
      int rows = t.rank() == 1 ? 1 : t.size(0);
      int cols = t.size(-1);
      double[] v = t.data();
      StringBuilder sb = new StringBuilder("<table>");
      sb.append("<caption>Tensor ").append(Arrays.toString(t.shape())).append("</caption>");
      sb.append("<thead><tr><th></th>");
      for (int j = 0; j < cols; j++) {
        sb.append("<th>").append(j).append("</th>");
      }
      sb.append("</tr></thead><tbody>");
      for (int i = 0; i < rows; i++) {
        sb.append("<tr><th>").append(i).append("</th>");
        for (int j = 0; j < cols; j++) {
          sb.append("<td>").append(number(v[i * cols + j])).append("</td>");
        }
        sb.append("</tr>");
      }
      return sb.append("</tbody></table>").toString();
    }

    /** Six significant digits, plain notation for moderate magnitudes. */
    static String number(double x) {
      if (!Double.isFinite(x)) {
        return Double.toString(x);
      }
      double a = Math.abs(x);
      if (a == 0 || (a >= 1e-4 && a < 1e7)) {
        return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
      }
      return String.format(Locale.ROOT, "%.5e", x);
    }
  }
}
