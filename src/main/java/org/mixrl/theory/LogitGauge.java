package org.mixrl.theory;

import org.mixrl.autodiff.DenseMatrices;

/**
 * The one direction along which a mixture's objective never changes: adding the same constant to
 * every logit leaves the weights, hence J, unchanged. Its Hessian therefore always has a zero
 * eigenvalue along v = (1, ..., 1, 0, ..., 0) (logits first), which says nothing about the
 * stationary point. This class gives an orthonormal basis B of the complement of v (Helmert
 * contrasts on the logits, the identity on means and log-stds), so that B^T H B is the Hessian
 * on distinct policies and Newton steps B y never move along v.
 */
final class LogitGauge {
  private final double[][] basis; // [n, n - 1] for mixtures, [n, n] otherwise

  LogitGauge(int parameterCount, int logitCount) {
    int gauge = logitCount > 0 ? 1 : 0;
    int m = parameterCount - gauge;
    basis = new double[parameterCount][m];
    // Helmert contrast i (i = 1..K-1): (1, ..., 1, -i, 0, ...) / sqrt(i (i + 1)), orthogonal to 1.
    for (int i = 1; i < logitCount; i++) {
      double norm = Math.sqrt(i * (i + 1.0));
      for (int r = 0; r < i; r++) {
        basis[r][i - 1] = 1 / norm;
      }
      basis[i][i - 1] = -i / norm;
    }
    for (int p = logitCount; p < parameterCount; p++) {
      basis[p][p - gauge] = 1;
    }
  }

  static LogitGauge of(ExactObjective j) {
    return new LogitGauge(j.parameterCount(), j.logitCount());
  }

  /** B^T H B: the Hessian on the quotient by the logit shift. */
  double[][] reduce(double[][] hessian) {
    return DenseMatrices.restrict(hessian, basis);
  }

  /** B^T g. */
  double[] reduce(double[] gradient) {
    return DenseMatrices.project(basis, gradient);
  }

  /** B y: a step in full coordinates with no component along the logit shift. */
  double[] lift(double[] reduced) {
    return DenseMatrices.lift(basis, reduced);
  }

  /** Dimension of the quotient. */
  int dimension() {
    return basis[0].length;
  }
}
