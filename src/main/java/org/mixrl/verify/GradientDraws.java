package org.mixrl.verify;

import org.mixrl.bandit.RewardCritic;
import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Interrupts;
import org.mixrl.tensor.Tensor;

/**
 * R independent gradient estimates of one estimator on one case, each the gradient of the
 * surrogate of one batch of B states, kept whole ([R][P]) so that means, variances and the
 * standard errors of the variances come from the same draws.
 */
public final class GradientDraws {
  private final double[][] draws;

  private GradientDraws(double[][] draws) {
    this.draws = draws;
  }

  /** One estimate: the gradient at the case's theta of the surrogate of one batch. */
  public static double[] once(Estimator estimator, VerifyCase c, ActionValue critic,
      RandomStream rng) {
    Tensor leaf = Tensor.vector(c.theta()).requiresGrad(true);
    estimator.surrogate(c.policy(leaf, c.batch()), critic, c.alpha(), rng).objective().backward();
    Tensor g = leaf.grad();
    // an estimator whose surrogate does not depend on theta has gradient zero, not "missing"
    return g == null ? new double[c.theta().length] : g.toArray();
  }

  /** R estimates drawn in sequence from {@code rng}. */
  public static GradientDraws of(Estimator estimator, VerifyCase c, int repeats,
      RandomStream rng) {
    ActionValue critic = RewardCritic.of(c.reward());
    double[][] g = new double[repeats][];
    for (int r = 0; r < repeats; r++) {
      int done = r;
      Interrupts.check(() -> "at repeat " + done + " of " + repeats + " verifying "
          + estimator.name() + " on " + c.label());
      g[r] = once(estimator, c, critic, rng);
    }
    return new GradientDraws(g);
  }

  /** Draws given directly, one row per estimate (for tests of the statistics below). */
  static GradientDraws ofRows(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      copy[r] = rows[r].clone();
    }
    return new GradientDraws(copy);
  }

  public int repeats() {
    return draws.length;
  }

  public int parameters() {
    return draws[0].length;
  }

  /** Sample mean of parameter j. */
  public double mean(int j) {
    double s = 0;
    for (double[] d : draws) {
      s += d[j];
    }
    return s / draws.length;
  }

  /** Unbiased sample variance of parameter j (two-pass). */
  public double variance(int j) {
    double m = mean(j);
    double s = 0;
    for (double[] d : draws) {
      double e = d[j] - m;
      s += e * e;
    }
    return s / (draws.length - 1);
  }

  /** Standard error of the mean of parameter j. */
  public double stdError(int j) {
    return Math.sqrt(variance(j) / draws.length);
  }

  /**
   * Standard error of {@link #variance(int)}: sqrt((m4 - s^4 (R-3)/(R-1)) / R) with m4 the
   * fourth central sample moment (no normality assumed, so heavy tails widen it).
   */
  public double varianceStdError(int j) {
    double m = mean(j);
    double m4 = 0;
    for (double[] d : draws) {
      double e = d[j] - m;
      m4 += e * e * e * e;
    }
    m4 /= draws.length;
    double v = variance(j);
    int n = draws.length;
    return Math.sqrt(Math.max(m4 - v * v * (n - 3.0) / (n - 1.0), 0) / n);
  }

  /** Sum over parameters of the variances: E|g - E g|^2 estimated. */
  public double totalVariance() {
    double t = 0;
    for (int j = 0; j < parameters(); j++) {
      t += variance(j);
    }
    return t;
  }

  /** Standard error of {@link #totalVariance()}, from the spread of |g_r - mean|^2 over r. */
  public double totalVarianceStdError() {
    int n = draws.length;
    int p = parameters();
    double[] mean = new double[p];
    for (int j = 0; j < p; j++) {
      mean[j] = mean(j);
    }
    double[] sq = new double[n];
    double avg = 0;
    for (int r = 0; r < n; r++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        double e = draws[r][j] - mean[j];
        s += e * e;
      }
      sq[r] = s * n / (n - 1.0);
      avg += sq[r] / n;
    }
    double v = 0;
    for (double s : sq) {
      v += (s - avg) * (s - avg);
    }
    return Math.sqrt(v / (n - 1.0) / n);
  }
}
