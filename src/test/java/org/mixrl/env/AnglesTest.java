package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.testing.RandomCases;

class AnglesTest {
  private static final double PI = Math.PI;

  @Test
  void normalizeUsesAFloorModuloSoNegativeAnglesWrapCorrectly() {
    assertEquals(0.0, Angles.normalize(0.0), 0.0);
    assertEquals(-PI, Angles.normalize(PI), 0.0);
    assertEquals(-PI, Angles.normalize(-PI), 0.0);
    assertEquals(-4.0 + 2 * PI, Angles.normalize(-4.0), 1e-15);
    assertEquals(4.0 - 2 * PI, Angles.normalize(4.0), 1e-15);
    assertEquals(-7.0 + 2 * PI, Angles.normalize(-7.0), 1e-15);
    assertEquals(20.0 - 6 * PI, Angles.normalize(20.0), 1e-14);
  }

  @Test
  void wrapKeepsPlusPiAndSubtractsTwoPiRepeatedly() {
    assertEquals(PI, Angles.wrap(PI), 0.0);
    assertEquals(-PI, Angles.wrap(-PI), 0.0);
    assertEquals(PI + 0.1 - 2 * PI, Angles.wrap(PI + 0.1), 0.0);
    assertEquals((10.0 - 2 * PI) - 2 * PI, Angles.wrap(10.0), 0.0);
    assertEquals((-10.0 + 2 * PI) + 2 * PI, Angles.wrap(-10.0), 0.0);
    assertThrows(IllegalArgumentException.class, () -> Angles.wrap(Double.POSITIVE_INFINITY));
  }

  /** An angle and its label (seed, index, value). */
  record X(double x, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code count} x in [lo, hi]; one in ten is an edge value (lo, hi or 0). */
  private static List<X> xs(long seed, int count, double lo, double hi) {
    return RandomCases.generate(seed, count, (rng, i) -> {
      double x = RandomCases.doubleIn(rng, lo, hi, 0.1);
      return new X(x, RandomCases.id(seed, i) + " x=" + x);
    });
  }

  /** 1000 cases, x in [-1e4, 1e4]. */
  static List<X> wideAngles() {
    return xs(101, 1000, -1e4, 1e4);
  }

  /** 1000 cases, x in [-30, 30]. */
  static List<X> narrowAngles() {
    return xs(102, 1000, -30, 30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wideAngles")
  void normalizeLandsInMinusPiPiAndDiffersByAMultipleOfTwoPi(X c) {
    double x = c.x();
    double r = Angles.normalize(x);
    assertTrue(r >= -PI && r <= PI, "normalize(" + x + ") = " + r);
    double turns = (x - r) / (2 * PI);
    assertEquals(Math.rint(turns), turns, 1e-9, c.label());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("narrowAngles")
  void wrapAgreesWithNormalizeInsideTheOpenInterval(X c) {
    double x = c.x();
    double w = Angles.wrap(x);
    assertTrue(w >= -PI && w <= PI, c.label() + ": wrap " + w);
    double n = Angles.normalize(x);
    assertTrue(Math.abs(w - n) < 1e-12 || Math.abs(Math.abs(w - n) - 2 * PI) < 1e-12,
        x + ": wrap " + w + " normalize " + n);
  }
}
