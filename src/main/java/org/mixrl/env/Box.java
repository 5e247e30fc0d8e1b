package org.mixrl.env;

import java.util.Arrays;

/**
 * A closed box {@code low[i] <= x[i] <= high[i]} of real vectors, Gymnasium's {@code Box}.
 *
 * <p>The arrays are copied on the way in and on the way out, so a {@code Box} is immutable.
 * Bounds may be infinite but never NaN.
 */
public record Box(double[] low, double[] high) {

  /** Validates that both bounds are given, have one length, are not NaN and low ≤ high. */
  public Box {
    if (low == null || high == null) {
      throw new IllegalArgumentException(
          "Box: low and high must be non-null, got low=" + Arrays.toString(low)
              + " high=" + Arrays.toString(high));
    }
    if (low.length != high.length) {
      throw new IllegalArgumentException(
          "Box: low and high must have one length, got " + low.length + " and " + high.length);
    }
    for (int i = 0; i < low.length; i++) {
      if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
        throw new IllegalArgumentException(
            "Box: need low[" + i + "] <= high[" + i + "] and no NaN, got low=" + low[i]
                + " high=" + high[i]);
      }
    }
    low = low.clone();
    high = high.clone();
  }

  /** A box with the same bounds {@code [-bound[i], bound[i]]} on each side of zero. */
  public static Box symmetric(double... bound) {
    double[] low = new double[bound.length];
    for (int i = 0; i < bound.length; i++) {
      low[i] = -bound[i];
    }
    return new Box(low, bound);
  }

  /** A copy of the lower bounds. */
  @Override
  public double[] low() {
    return low.clone();
  }

  /** A copy of the upper bounds. */
  @Override
  public double[] high() {
    return high.clone();
  }

  /** Lower bound of component {@code i}. */
  public double low(int i) {
    return low[i];
  }

  /** Upper bound of component {@code i}. */
  public double high(int i) {
    return high[i];
  }

  /** Number of components. */
  public int dim() {
    return low.length;
  }

  /** True when {@code x} has {@link #dim()} components, none NaN, each within its bounds. */
  public boolean contains(double[] x) {
    if (x == null || x.length != low.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      // Written so that NaN fails both comparisons and is rejected.
      if (!(x[i] >= low[i] && x[i] <= high[i])) {
        return false;
      }
    }
    return true;
  }

  /** A new vector with each component of {@code x} clipped into its bounds. */
  public double[] clip(double[] x) {
    if (x == null || x.length != low.length) {
      throw new IllegalArgumentException(
          "Box.clip: expected length " + low.length + ", got "
              + (x == null ? "null" : x.length));
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.min(Math.max(x[i], low[i]), high[i]);
    }
    return y;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "Box[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]";
  }
}
