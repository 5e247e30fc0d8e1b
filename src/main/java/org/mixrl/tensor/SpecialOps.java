package org.mixrl.tensor;

/**
 * Special functions as differentiable ops: the standard normal CDF (needed by implicit
 * reparameterization of mixtures) and atanh. Scalar versions are public for callers outside
 * the graph.
 */
public final class SpecialOps {
  private static final double INV_SQRT_2 = 0.7071067811865476;
  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

  private SpecialOps() {}

  /** Phi(x) elementwise; d Phi / dx = phi(x). */
  public static Tensor normalCdf(Tensor x) {
    return Elementwise.unary(
        "normalCdf", x, SpecialOps::normalCdf, (v, y) -> normalPdf(v));
  }

  /** atanh(y) = (log1p(y) - log1p(-y)) / 2, elementwise; d/dy = 1 / (1 - y^2). */
  public static Tensor atanh(Tensor y) {
    return Elementwise.unary(
        "atanh", y, v -> 0.5 * (Math.log1p(v) - Math.log1p(-v)), (v, r) -> 1.0 / ((1 - v) * (1 + v)));
  }

  /** Standard normal density. */
  public static double normalPdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /**
   * Standard normal CDF with relative accuracy near 1e-15 in both tails: Phi(x) = erfc(-x /
   * sqrt 2) / 2, where erfc of an argument above 0.7 comes from its continued fraction (no
   * cancellation in the lower tail) and erf of a small one from a series of positive terms.
   */
  public static double normalCdf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double z = -x * INV_SQRT_2;
    return 0.5 * erfc(z);
  }

  /** Complementary error function. */
  public static double erfc(double z) {
    if (z < 0) {
      return 2.0 - erfc(-z);
    }
    if (z < 0.7) {
      return 1.0 - erfSeries(z);
    }
    return erfcContinuedFraction(z);
  }

  /** erf(z) = 2/sqrt(pi) e^{-z^2} sum_n 2^n z^(2n+1) / (1*3*...*(2n+1)); all terms positive. */
  private static double erfSeries(double z) {
    double term = z;
    double sum = z;
    double z2 = z * z;
    for (int n = 1; n < 200; n++) {
      term *= 2 * z2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI * Math.exp(-z2) * sum;
  }

  /**
   * erfc(z) = e^{-z^2}/sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + ...))))), evaluated
   * by the modified Lentz method; converges within a few hundred terms for z >= 0.7.
   */
  private static double erfcContinuedFraction(double z) {
    if (z > 27.3) {
      return 0.0; // below the smallest subnormal
    }
    final double tiny = 1e-300;
    double f = z;
    double c = z;
    double d = 0;
    for (int n = 1; n < 500; n++) {
      double an = n * 0.5;
      d = z + an * d;
      d = d == 0 ? tiny : d;
      c = z + an / c;
      c = c == 0 ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(-z * z) / (Math.sqrt(Math.PI) * f);
  }
}
