package org.mixrl.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A composite Gauss-Legendre rule for integrals over the line, int g(x) dx ~= sum_i w_i g(x_i),
 * whose panels are as fine as the finest feature that covers them.
 *
 * <p>Why not Gauss-Hermite per component: probabilists' Gauss-Hermite with n nodes has node
 * spacing about pi / sqrt(n) near the centre (0.23 at the maximum n = 180), so it cannot resolve
 * a reward bump narrower than about a quarter of sigma, nor a narrow mixture component inside a
 * wide one. Here each {@link Window} says "on [lo, hi] the integrand varies on the length
 * {@code scale}"; the union of window edges cuts the line into pieces, each piece is split into
 * panels no wider than the smallest scale of the windows covering it, and each panel gets
 * {@value #POINTS}-point Gauss-Legendre (exact for degree 15; on a panel one scale wide the
 * error for a Gaussian is below 1e-13 relative).
 */
public final class LineRule extends QuadratureRule {
  static final int POINTS = 8;
  private static final double[] GL_NODES = new double[POINTS];
  private static final double[] GL_WEIGHTS = new double[POINTS];

  static {
    // Legendre roots by Newton from the Chebyshev guesses; weights 2 / ((1 - x^2) P_n'(x)^2).
    for (int i = 0; i < POINTS; i++) {
      double x = Math.cos(Math.PI * (i + 0.75) / (POINTS + 0.5));
      double dp = 0;
      for (int iter = 0; iter < 100; iter++) {
        double p0 = 1;
        double p1 = x;
        for (int k = 2; k <= POINTS; k++) {
          double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        dp = POINTS * (x * p1 - p0) / (x * x - 1);
        double dx = p1 / dp;
        x -= dx;
        if (Math.abs(dx) < 1e-16) {
          break;
        }
      }
      GL_NODES[i] = x;
      GL_WEIGHTS[i] = 2 / ((1 - x * x) * dp * dp);
    }
  }

  /** On [lo, hi] the integrand varies on the length {@code scale}. */
  public record Window(double lo, double hi, double scale) {
    public Window {
      if (!(lo < hi) || !(scale > 0) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
        throw new IllegalArgumentException(
            "LineRule.Window: need finite lo < hi and scale > 0, got lo=" + lo + " hi=" + hi
                + " scale=" + scale);
      }
    }

    /** centre +- halfWidthInScales * scale. */
    public static Window around(double centre, double scale, double halfWidthInScales) {
      return new Window(
          centre - halfWidthInScales * scale, centre + halfWidthInScales * scale, scale);
    }
  }

  private LineRule(double[] nodes, double[] weights) {
    super(nodes, weights);
  }

  /**
   * A rule over the hull of {@code windows}. If resolving every scale would take more than
   * {@code maxPanels} panels, all pieces are coarsened proportionally (accuracy then degrades
   * gracefully; values stay finite).
   */
  public static LineRule covering(List<Window> windows, int maxPanels) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("LineRule.covering: need at least one window");
    }
    double[] cuts = new double[2 * windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      cuts[2 * i] = windows.get(i).lo();
      cuts[2 * i + 1] = windows.get(i).hi();
    }
    Arrays.sort(cuts);
    List<double[]> pieces = new ArrayList<>(); // {lo, hi, panels}
    double total = 0;
    for (int i = 0; i + 1 < cuts.length; i++) {
      double lo = cuts[i];
      double hi = cuts[i + 1];
      if (!(hi > lo)) {
        continue;
      }
      double scale = Double.POSITIVE_INFINITY;
      for (Window w : windows) {
        if (w.lo() <= lo && w.hi() >= hi) {
          scale = Math.min(scale, w.scale());
        }
      }
      // A gap covered by no window carries no feature (negligible mass): one panel.
      double panels = Double.isInfinite(scale) ? 1 : Math.ceil((hi - lo) / scale - 1e-9);
      pieces.add(new double[] {lo, hi, Math.max(1, panels)});
      total += Math.max(1, panels);
    }
    double shrink = total > maxPanels ? maxPanels / total : 1.0;
    int count = 0;
    for (double[] p : pieces) {
      p[2] = Math.max(1, Math.floor(p[2] * shrink));
      count += (int) p[2];
    }
    double[] x = new double[count * POINTS];
    double[] w = new double[count * POINTS];
    int at = 0;
    for (double[] p : pieces) {
      int m = (int) p[2];
      double h = (p[1] - p[0]) / m;
      for (int j = 0; j < m; j++) {
        double mid = p[0] + (j + 0.5) * h;
        for (int q = 0; q < POINTS; q++) {
          x[at] = mid + 0.5 * h * GL_NODES[q];
          w[at] = 0.5 * h * GL_WEIGHTS[q];
          at++;
        }
      }
    }
    return new LineRule(x, w);
  }

  /** sum_i w_i g(x_i) (integration weights: they sum to the hull's length). */
  public double integrate(java.util.function.DoubleUnaryOperator g) {
    return weightedSum(g);
  }
}
