package org.mixrl.bandit;

import org.mixrl.tensor.Tensor;

/**
 * The worst case of the Gaussian threshold: r(a) = r_min + (r_max - r_min) 1{|a| ≤ 1}, 1-D.
 *
 * <p>Not differentiable: {@link #evaluate} returns values with no gradient, so this reward is
 * only for exact (closed-form or quadrature) use, never for pathwise estimators. Gauss-Hermite
 * converges slowly on its jumps, so the Gaussian score of log sigma has a closed form here:
 * with l = (-1 - mu)/sigma, u = (1 - mu)/sigma and d/de[-e phi(e)] = (e^2 - 1) phi(e),
 *
 * <pre>E[r(mu + sigma e)(e^2 - 1)] = (r_max - r_min) (l phi(l) - u phi(u))</pre>
 *
 * (the r_min part drops out because E[e^2 - 1] = 0).
 */
public final class IndicatorReward implements Reward {
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
  private final double rMin;
  private final double rMax;

  /** The indicator of [-1, 1] scaled to [rMin, rMax]. */
  public IndicatorReward(double rMin, double rMax) {
    if (!Double.isFinite(rMin) || !Double.isFinite(rMax) || !(rMax > rMin)) {
      throw new IllegalArgumentException(
          "IndicatorReward: need finite rMin < rMax, got rMin=" + rMin + " rMax=" + rMax);
    }
    this.rMin = rMin;
    this.rMax = rMax;
  }

  /** r_min = 0, r_max = 1. */
  public static IndicatorReward unit() {
    return new IndicatorReward(0.0, 1.0);
  }

  @Override
  public Tensor evaluate(Tensor actions) {
    double[] a = Actions.asMatrix("IndicatorReward", actions, 1).toArray();
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = value(a[i]);
    }
    return Tensor.vector(r); // constant: no gradient exists
  }

  @Override
  public double value(double... a) {
    Actions.checkLength("IndicatorReward", a, 1);
    return Math.abs(a[0]) <= 1.0 ? rMax : rMin;
  }

  /** E[r(mu + sigma e)(e^2 - 1)], e ~ N(0, 1), in closed form. */
  public double logSigmaScore(double mu, double sigma) {
    double l = (-1 - mu) / sigma;
    double u = (1 - mu) / sigma;
    return (rMax - rMin) * (edgeTerm(l) - edgeTerm(u));
  }

  /** e phi(e), which is 0 at +-infinity. */
  private static double edgeTerm(double e) {
    return Double.isInfinite(e) ? 0.0 : e * Math.exp(-0.5 * e * e) * INV_SQRT_2PI;
  }

  @Override
  public int dim() {
    return 1;
  }

  @Override
  public double lowerBound() {
    return rMin;
  }

  @Override
  public double upperBound() {
    return rMax;
  }

  /** The jumps are sharp: quadrature of J treats this as a width-0.05 feature (approximate). */
  @Override
  public double featureScale() {
    return 0.05;
  }

  @Override
  public double[] focusRange() {
    return new double[] {-1.0, 1.0};
  }

  @Override
  public String toString() {
    return "indicator:" + rMin + ".." + rMax;
  }
}
