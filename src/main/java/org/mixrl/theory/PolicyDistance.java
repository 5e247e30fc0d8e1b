package org.mixrl.theory;

import java.util.Arrays;

/**
 * Distance between two stationary points modulo the symmetries of a mixture's parameters:
 * relabelling the components (any permutation) and adding the same constant to every logit
 * (the {@link LogitGauge}). Each component is the triple (centred logit, mean, log-std), where
 * the centred logit is the logit minus the mean of all logits (the gauge-free part); the
 * distance is the smallest, over permutations, of the largest coordinate difference between
 * matched components (a bottleneck assignment, solved exactly by a dynamic program over subsets,
 * K &lt;= 16). Single Gaussians have one component and no logit.
 */
final class PolicyDistance {
  private PolicyDistance() {}

  /** Two points closer than this are the same policy. */
  static final double SAME = 1e-3;

  /**
   * Up to this distance two points with the same J (to 1e-9, relative) are the same policy: a
   * maximum with nearly flat directions (eigenvalues near -1e-4) is polished from different
   * starts to parameters that differ by up to |grad J| / |lambda| ~ 1e-3 and more.
   */
  static final double SAME_WITH_EQUAL_J = 0.05;

  /** Whether {@code a} and {@code b} are the same policy by the two rules above. */
  static boolean same(StationaryPoints.Point a, StationaryPoints.Point b) {
    double d = of(a, b);
    boolean sameJ = Math.abs(a.objective() - b.objective())
        <= 1e-9 * Math.max(1, Math.abs(a.objective()));
    return d <= SAME || (sameJ && d <= SAME_WITH_EQUAL_J);
  }

  /** The distance; +infinity when the points have different numbers of components. */
  static double of(StationaryPoints.Point a, StationaryPoints.Point b) {
    int k = a.means().length;
    if (b.means().length != k) {
      return Double.POSITIVE_INFINITY;
    }
    double[][] ca = components(a);
    double[][] cb = components(b);
    double[][] cost = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int m = 0; m < k; m++) {
        double worst = 0;
        for (int c = 0; c < 3; c++) {
          worst = Math.max(worst, Math.abs(ca[i][c] - cb[m][c]));
        }
        cost[i][m] = worst;
      }
    }
    return bottleneck(cost);
  }

  /** Rows (centred logit, mean, log-std), one per component. */
  private static double[][] components(StationaryPoints.Point p) {
    int k = p.means().length;
    double[] theta = p.theta();
    // a mixture's theta starts with its K logits (3K parameters); G and SG have none
    boolean logits = theta.length == 3 * k;
    double centre = logits ? Arrays.stream(theta, 0, k).average().orElse(0) : 0;
    double[][] rows = new double[k][];
    for (int i = 0; i < k; i++) {
      rows[i] = new double[] {logits ? theta[i] - centre : 0, p.means()[i],
          Math.log(p.stds()[i])};
    }
    return rows;
  }

  /**
   * min over permutations pi of max_i cost[i][pi(i)]. best[mask] is that value for the first
   * popcount(mask) rows matched to the columns in mask.
   */
  static double bottleneck(double[][] cost) {
    int k = cost.length;
    if (k > 16) {
      throw new IllegalArgumentException("PolicyDistance: at most 16 components, got " + k);
    }
    double[] best = new double[1 << k];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    for (int mask = 0; mask < (1 << k); mask++) {
      if (Double.isInfinite(best[mask])) {
        continue;
      }
      int row = Integer.bitCount(mask);
      if (row == k) {
        continue;
      }
      for (int col = 0; col < k; col++) {
        if ((mask & (1 << col)) == 0) {
          int next = mask | (1 << col);
          best[next] = Math.min(best[next], Math.max(best[mask], cost[row][col]));
        }
      }
    }
    return best[(1 << k) - 1];
  }
}
