package org.mixrl.policy;

import java.util.Arrays;

/**
 * The box [low, high]^d a squashed policy maps tanh's (-1, 1) onto: a = c + h * tanh(u) with
 * centre c = (high + low) / 2 and half-width h = (high - low) / 2.
 */
public record ActionBox(double[] low, double[] high) {
  public ActionBox {
    if (low.length != high.length || low.length == 0) {
      throw new IllegalArgumentException(
          "ActionBox: low and high need the same positive length, got " + low.length + " and "
              + high.length);
    }
    for (int j = 0; j < low.length; j++) {
      if (!(low[j] < high[j]) || !Double.isFinite(low[j]) || !Double.isFinite(high[j])) {
        throw new IllegalArgumentException(
            "ActionBox: need finite low < high in every dimension, got low[" + j + "]=" + low[j]
                + " high[" + j + "]=" + high[j]);
      }
    }
    low = low.clone();
    high = high.clone();
  }

  /** [-1, 1]^d. */
  public static ActionBox unit(int dim) {
    double[] lo = new double[dim];
    double[] hi = new double[dim];
    Arrays.fill(lo, -1);
    Arrays.fill(hi, 1);
    return new ActionBox(lo, hi);
  }

  public int dim() {
    return low.length;
  }

  public double[] centre() {
    double[] c = new double[low.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = 0.5 * (high[j] + low[j]);
    }
    return c;
  }

  public double[] halfWidth() {
    double[] h = new double[low.length];
    for (int j = 0; j < h.length; j++) {
      h[j] = 0.5 * (high[j] - low[j]);
    }
    return h;
  }

  /** Sum over dimensions of log(half-width): the constant part of the log-det-Jacobian. */
  public double logHalfWidthSum() {
    double s = 0;
    for (double h : halfWidth()) {
      s += Math.log(h);
    }
    return s;
  }

  @Override
  public double[] low() {
    return low.clone();
  }

  @Override
  public double[] high() {
    return high.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActionBox b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "ActionBox" + Arrays.toString(low) + ".." + Arrays.toString(high);
  }
}
