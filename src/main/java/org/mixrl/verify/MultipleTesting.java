package org.mixrl.verify;

import java.util.Arrays;
import java.util.Comparator;
import org.mixrl.tensor.SpecialOps;

/** Two-sided normal p-values and Holm's step-down procedure over a family of z-tests. */
public final class MultipleTesting {
  /** z with P(Z > z) = 0.2: a true shift of (z* + this) standard errors is flagged 80 % of the time. */
  public static final double Z_POWER_80 = 0.8416212335729143;

  private MultipleTesting() {}

  /** P(|Z| >= |z|) for standard normal Z; accurate in the far tail (no 1 - Phi cancellation). */
  public static double twoSidedP(double z) {
    if (Double.isNaN(z)) {
      return 0.0; // a NaN statistic is evidence of failure, never of agreement
    }
    return Math.min(1.0, 2 * SpecialOps.normalCdf(-Math.abs(z)));
  }

  /** The z* with twoSidedP(z*) = p, by bisection (p in (0, 1)). */
  public static double criticalZ(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("criticalZ: p must be in (0, 1), got " + p);
    }
    double lo = 0;
    double hi = 40;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (twoSidedP(mid) > p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * Holm's step-down procedure at family-wise error rate {@code alpha}: sort the m p-values,
   * reject the i-th smallest (i = 1..m) while p_(i) ≤ alpha / (m - i + 1), stop at the first
   * that is not. Controls the family-wise error rate for any dependence between the tests. It
   * rejects something exactly when Bonferroni does (min p ≤ alpha / m); it may reject more.
   */
  public static boolean[] holm(double[] p, double alpha) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    boolean[] reject = new boolean[m];
    for (int i = 0; i < m; i++) {
      if (p[order[i]] <= alpha / (m - i)) {
        reject[order[i]] = true;
      } else {
        break;
      }
    }
    return reject;
  }
}
