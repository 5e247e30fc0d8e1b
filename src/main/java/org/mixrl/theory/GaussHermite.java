package org.mixrl.theory;

/**
 * Gauss-Hermite quadrature for expectations under a standard normal:
 * E[h(eps)] ~= sum_i weight[i] h(node[i]), eps ~ N(0, 1).
 *
 * <p>Probabilists' convention: nodes are sqrt(2) times the roots of the physicists' Hermite
 * polynomial H_n and the weights sum to 1. The rule is exact for polynomials of degree up to
 * 2n - 1. Roots are found by Newton's method on the orthonormal Hermite recurrence, which stays
 * finite where the plain H_n would overflow.
 */
public final class GaussHermite extends QuadratureRule {
  private GaussHermite(double[] nodes, double[] weights) {
    super(nodes, weights);
  }

  /** The n-point rule (n from 1 to 180; beyond, the root guesses collide). */
  public static GaussHermite of(int n) {
    if (n < 1 || n > 180) {
      throw new IllegalArgumentException("GaussHermite: n must be in 1..180, got " + n);
    }
    double[] x = new double[n];
    double[] w = new double[n];
    int half = (n + 1) / 2;
    double[] roots = new double[half]; // physicists' roots, largest first
    for (int i = 0; i < half; i++) {
      // Initial guesses for the roots of H_n from the largest down (asymptotic estimates,
      // then extrapolation from the roots already found).
      double z;
      if (i == 0) {
        z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -1.0 / 6.0);
      } else if (i == 1) {
        z = roots[0] - 1.14 * Math.pow(n, 0.426) / roots[0];
      } else if (i == 2) {
        z = 1.86 * roots[1] - 0.86 * roots[0];
      } else if (i == 3) {
        z = 1.91 * roots[2] - 0.91 * roots[1];
      } else {
        z = 2.0 * roots[i - 1] - roots[i - 2];
      }
      for (int iter = 0; iter < 100; iter++) {
        double[] p = orthonormalHermite(n, z);
        double dz = p[0] / (Math.sqrt(2.0 * n) * p[1]);
        z -= dz;
        if (Math.abs(dz) <= 1e-15 * Math.max(1.0, Math.abs(z))) {
          break;
        }
      }
      roots[i] = z;
      double[] p = orthonormalHermite(n, z);
      double pp = Math.sqrt(2.0 * n) * p[1];
      double weight = 2.0 / (pp * pp) / Math.sqrt(Math.PI);
      x[i] = -z * Math.sqrt(2.0);
      x[n - 1 - i] = z * Math.sqrt(2.0);
      w[i] = weight;
      w[n - 1 - i] = weight;
    }
    if (n % 2 == 1) {
      x[n / 2] = 0.0; // exact by symmetry
    }
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum; // remove the last ulp of drift so the weights sum to 1
    }
    return new GaussHermite(x, w);
  }

  /** {p_n(z), p_{n-1}(z)} of the orthonormal Hermite functions' polynomial part. */
  private static double[] orthonormalHermite(int n, double z) {
    double p1 = Math.pow(Math.PI, -0.25);
    double p2 = 0;
    for (int j = 1; j <= n; j++) {
      double p3 = p2;
      p2 = p1;
      p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
    }
    return new double[] {p1, p2};
  }

  /** E[h(eps)] for eps ~ N(0, 1) (the weights sum to 1). */
  public double expectation(java.util.function.DoubleUnaryOperator h) {
    return weightedSum(h);
  }
}
