package org.mixrl.nn;

import org.mixrl.random.RandomStream;

/**
 * How a {@link Linear} layer's weight [out, in] and bias [out] are drawn: W ~ U(−a, a),
 * b ~ U(−c, c) (c = 0 means zeros), with a and c depending on the fans. Draws come from the
 * given stream, weight first (row-major) then bias, so a seed fixes every value.
 */
public final class Init {
  /** A bound of U(−bound, bound) as a function of the layer's fans. */
  @FunctionalInterface
  private interface Bound {
    double of(int fanIn, int fanOut);
  }

  private final String name;
  private final Bound weightBound;
  private final Bound biasBound;

  private Init(String name, Bound weightBound, Bound biasBound) {
    this.name = name;
    this.weightBound = weightBound;
    this.biasBound = biasBound;
  }

  /**
   * a = c = 1/√fan_in: PyTorch's {@code nn.Linear} default (its kaiming_uniform with
   * a = √5 reduces to this bound).
   */
  public static Init pytorchDefault() {
    Bound b = (fanIn, fanOut) -> 1.0 / Math.sqrt(fanIn);
    return new Init("pytorchDefault", b, b);
  }

  /** a = √(6 / (fan_in + fan_out)) (Glorot and Bengio 2010), c = 0. */
  public static Init xavierUniform() {
    return xavierUniform(1.0);
  }

  /** a = gain·√(6 / (fan_in + fan_out)), c = 0. */
  public static Init xavierUniform(double gain) {
    requirePositiveFinite("gain", gain);
    return new Init(
        "xavierUniform(gain=" + gain + ")",
        (fanIn, fanOut) -> gain * Math.sqrt(6.0 / (fanIn + fanOut)),
        (fanIn, fanOut) -> 0.0);
  }

  /**
   * a = c = bound, whatever the fans: output layers of policy and value heads often start
   * near zero this way (bound 3e-3 in DDPG).
   */
  public static Init uniform(double bound) {
    requirePositiveFinite("bound", bound);
    Bound b = (fanIn, fanOut) -> bound;
    return new Init("uniform(" + bound + ")", b, b);
  }

  private static void requirePositiveFinite(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
    }
  }

  /** The weight bound a for these fans. */
  public double weightBound(int fanIn, int fanOut) {
    return weightBound.of(fanIn, fanOut);
  }

  /** The bias bound c for these fans (0: zeros). */
  public double biasBound(int fanIn, int fanOut) {
    return biasBound.of(fanIn, fanOut);
  }

  /**
   * Overwrites {@code weight} (fanOut·fanIn values, row-major) and {@code bias} (fanOut values,
   * or null) with fresh draws from {@code rng}.
   */
  public void initialize(double[] weight, double[] bias, int fanIn, int fanOut, RandomStream rng) {
    double a = weightBound(fanIn, fanOut);
    for (int i = 0; i < weight.length; i++) {
      weight[i] = rng.uniform(-a, a);
    }
    if (bias != null) {
      double c = biasBound(fanIn, fanOut);
      for (int i = 0; i < bias.length; i++) {
        bias[i] = c == 0 ? 0.0 : rng.uniform(-c, c);
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
