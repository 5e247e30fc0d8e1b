package org.mixrl.env;

/** The two angle conventions of the classic-control tasks. */
public final class Angles {
  private static final double TWO_PI = 2.0 * Math.PI;

  private Angles() {}

  /**
   * Pendulum's {@code angle_normalize}: ((x + pi) mod 2pi) - pi with a floor modulo, computed
   * as x - 2pi floor((x + pi) / 2pi), so the result is in [-pi, pi].
   *
   * <p>Java's {@code %} truncates toward zero and would return values below -pi for negative
   * x. Rounding can leave the formula an ulp outside [-pi, pi] (e.g. x just below pi, where x +
   * pi rounds to 2pi); such results are clamped so observations stay in their box.
   */
  public static double normalize(double x) {
    double r = x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
    if (r < -Math.PI) {
      return -Math.PI;
    }
    if (r > Math.PI) {
      return Math.PI;
    }
    return r;
  }

  /**
   * Acrobot's {@code wrap(x, -pi, pi)}: subtract 2pi while x > pi, add 2pi while x &lt; -pi
   * (so +pi stays +pi). Repeated subtraction, not a modulo, to match the reference's rounding.
   *
   * @throws IllegalArgumentException for a non-finite x, which would never terminate
   */
  public static double wrap(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("Angles.wrap: angle must be finite, got " + x);
    }
    while (x > Math.PI) {
      x -= TWO_PI;
    }
    while (x < -Math.PI) {
      x += TWO_PI;
    }
    return x;
  }
}
