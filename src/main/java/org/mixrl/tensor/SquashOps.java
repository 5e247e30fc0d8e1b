package org.mixrl.tensor;

import java.util.Arrays;

/**
 * The tanh squashing of policies onto an action box, a = c + h tanh(u), and its
 * log-det-Jacobian, each as one graph node: composed from primitives they were three and seven
 * nodes per call, which on small batches cost more than the arithmetic (issue 11). Each
 * evaluates the composed expression in the same order, so the values are the same doubles.
 */
public final class SquashOps {
  private static final double LOG2 = Math.log(2);

  private SquashOps() {}

  /**
   * c + h tanh(u) with c and h of length d broadcast over the last axis of u. Its gradient,
   * (g h)(1 - tanh(u)^2), is also the composed form's to the bit.
   */
  public static Tensor tanhToBox(Tensor u, double[] centre, double[] halfWidth) {
    int d = lastAxis("tanhToBox", u, centre.length);
    if (halfWidth.length != d) {
      throw new IllegalArgumentException("tanhToBox: " + centre.length + " centres but "
          + halfWidth.length + " half-widths");
    }
    double[] x = u.data;
    double[] t = new double[x.length];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      t[i] = StrictMath.tanh(x[i]);
      y[i] = t[i] * halfWidth[i % d] + centre[i % d];
    }
    return Tensor.result("tanhToBox", y, u.shape, (g, grads) -> {
      double[] gu = grads.of(u);
      if (gu == null) {
        return;
      }
      for (int i = 0; i < g.length; i++) {
        gu[i] += g[i] * halfWidth[i % d] * (1 - t[i] * t[i]);
      }
    }, u);
  }

  /**
   * sum over the last axis of log |d a_j / d u_j| = log h_j + 2 (log 2 - u_j - softplus(-2
   * u_j)), given sum_j log h_j; drops the last axis. The softplus form stays finite where
   * log(1 - tanh(u)^2) would be log(0) (|u| > ~19). Gradient -2 tanh(u_j).
   */
  public static Tensor tanhLogAbsDetJacobian(Tensor u, double logHalfWidthSum) {
    int d = lastAxis("tanhLogAbsDetJacobian", u, -1);
    double[] x = u.data;
    int rows = d == 0 ? 0 : x.length / d;
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        double v = x[r * d + j];
        // the composed order: (((-u) - softplus(-2u)) + log 2) * 2
        sum += (v * -1.0 - Elementwise.softplus(v * -2.0) + LOG2) * 2.0;
      }
      y[r] = sum + logHalfWidthSum;
    }
    int[] shape = Arrays.copyOf(u.shape, u.shape.length - 1);
    return Tensor.result("tanhLogAbsDetJacobian", y, shape, (g, grads) -> {
      double[] gu = grads.of(u);
      if (gu == null) {
        return;
      }
      for (int r = 0; r < rows; r++) {
        double gr = g[r];
        for (int j = 0; j < d; j++) {
          gu[r * d + j] += gr * (-2.0 * StrictMath.tanh(x[r * d + j]));
        }
      }
    }, u);
  }

  /** The size of u's last axis, checked against {@code expected} unless that is -1. */
  private static int lastAxis(String op, Tensor u, int expected) {
    if (u.shape.length == 0) {
      throw new IllegalArgumentException(op + ": needs a tensor with at least one axis, got a"
          + " scalar");
    }
    int d = u.shape[u.shape.length - 1];
    if (expected >= 0 && d != expected) {
      throw new IllegalArgumentException(op + ": last axis of " + Shapes.str(u.shape)
          + " must have size " + expected);
    }
    return d;
  }
}
