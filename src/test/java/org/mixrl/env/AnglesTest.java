package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

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

  @Property
  void normalizeLandsInMinusPiPiAndDiffersByAMultipleOfTwoPi(
      @ForAll @DoubleRange(min = -1e4, max = 1e4) double x) {
    double r = Angles.normalize(x);
    assertTrue(r >= -PI && r <= PI, "normalize(" + x + ") = " + r);
    double turns = (x - r) / (2 * PI);
    assertEquals(Math.rint(turns), turns, 1e-9);
  }

  @Property
  void wrapAgreesWithNormalizeInsideTheOpenInterval(
      @ForAll @DoubleRange(min = -30, max = 30) double x) {
    double w = Angles.wrap(x);
    assertTrue(w >= -PI && w <= PI);
    double n = Angles.normalize(x);
    assertTrue(Math.abs(w - n) < 1e-12 || Math.abs(Math.abs(w - n) - 2 * PI) < 1e-12,
        x + ": wrap " + w + " normalize " + n);
  }
}
