package org.mixrl.theory;

import org.mixrl.autodiff.Hessian;

/** Classification of a stationary point by the eigenvalues of its gauge-free Hessian. */
public final class Curvature {
  private Curvature() {}

  /**
   * MAXIMUM if every eigenvalue is below -tol, MINIMUM if every one is above +tol, SADDLE if
   * there are both, else DEGENERATE (some within +-tol and none of the opposite sign), where
   * tol = {@code relativeTolerance} * max(1, max |lambda|). Call it only at a point whose
   * gradient is ~ 0; the eigenvalues must come from {@link #eigenvalues} (logit shift removed).
   */
  public static StationaryPoints.Type classify(double[] eigenvalues, double relativeTolerance) {
    double tol = relativeTolerance * Math.max(1, maxAbs(eigenvalues));
    int neg = 0;
    int pos = 0;
    for (double l : eigenvalues) {
      neg += l < -tol ? 1 : 0;
      pos += l > tol ? 1 : 0;
    }
    if (neg == eigenvalues.length) {
      return StationaryPoints.Type.MAXIMUM;
    }
    if (pos == eigenvalues.length) {
      return StationaryPoints.Type.MINIMUM;
    }
    return neg > 0 && pos > 0 ? StationaryPoints.Type.SADDLE : StationaryPoints.Type.DEGENERATE;
  }

  /** Ascending eigenvalues of the Hessian of J at theta on the quotient by the logit shift. */
  public static double[] eigenvalues(ExactObjective j, double[] theta) {
    return Hessian.eigenvalues(LogitGauge.of(j).reduce(j.hessian(theta)));
  }

  static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
