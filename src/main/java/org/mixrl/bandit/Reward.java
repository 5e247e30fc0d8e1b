package org.mixrl.bandit;

import org.mixrl.tensor.Tensor;

/**
 * A known reward function r: R^d -> R of a one-state bandit.
 *
 * <p>{@link #evaluate} is the differentiable form (pathwise estimators need dr/da);
 * {@link #value} the plain one. {@link #lowerBound()} and {@link #upperBound()} are r_min and
 * r_max of the Gaussian-threshold bound 2 phi(1) (r_max - r_min).
 */
public interface Reward {
  /** r at each row of {@code actions} ([N, d], or [N] when d = 1), as an [N] tensor. */
  Tensor evaluate(Tensor actions);

  /** r(a) for one action of length {@link #dim()}. */
  double value(double... a);

  /** Action dimension d. */
  int dim();

  /** r_min: r(a) >= r_min for every a. */
  double lowerBound();

  /** r_max: r(a) ≤ r_max for every a. */
  double upperBound();

  /**
   * The smallest length over which r changes appreciably (a bump's width). Quadrature rules
   * resolve this scale; searches use it to set their finest grid.
   */
  default double featureScale() {
    return 1.0;
  }

  /** An interval {lo, hi} (per coordinate) outside which r is flat to double precision. */
  default double[] focusRange() {
    return new double[] {-1.0, 1.0};
  }
}
