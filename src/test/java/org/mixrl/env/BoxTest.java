package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxTest {

  @Test
  void rejectsMismatchedLengthsNanAndInvertedBounds() {
    IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
        () -> new Box(new double[] {0, 0}, new double[] {1}));
    assertTrue(len.getMessage().contains("2 and 1"), len.getMessage());
    IllegalArgumentException inv = assertThrows(IllegalArgumentException.class,
        () -> new Box(new double[] {0, 2}, new double[] {1, 1}));
    assertTrue(inv.getMessage().contains("low[1]") && inv.getMessage().contains("2.0"),
        inv.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Box(new double[] {Double.NaN}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new Box(null, new double[] {1}));
  }

  @Test
  void containsIsClosedAndRejectsNanAndWrongLength() {
    Box b = new Box(new double[] {-1, 0}, new double[] {1, 2});
    assertEquals(2, b.dim());
    assertTrue(b.contains(new double[] {-1, 2}));
    assertTrue(b.contains(new double[] {0.5, 1}));
    assertFalse(b.contains(new double[] {-1.0000001, 1}));
    assertFalse(b.contains(new double[] {0, Double.NaN}));
    assertFalse(b.contains(new double[] {0}));
    assertFalse(b.contains(null));
  }

  @Test
  void infiniteBoundsAreAllowed() {
    Box b = new Box(new double[] {Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY});
    assertTrue(b.contains(new double[] {1e300}));
  }

  @Test
  void clipMovesEachComponentToItsNearestBound() {
    Box b = Box.symmetric(2, 1);
    assertArrayEquals(new double[] {2, -1}, b.clip(new double[] {5, -7}), 0.0);
    assertArrayEquals(new double[] {0.5, 0.25}, b.clip(new double[] {0.5, 0.25}), 0.0);
    assertThrows(IllegalArgumentException.class, () -> b.clip(new double[] {1}));
  }

  @Test
  void isImmutableAndComparedByValue() {
    double[] low = {-1};
    double[] high = {1};
    Box b = new Box(low, high);
    low[0] = -5;
    b.high()[0] = 9;
    assertEquals(-1, b.low(0), 0.0);
    assertEquals(1, b.high(0), 0.0);
    assertEquals(Box.symmetric(1), b);
    assertEquals(Box.symmetric(1).hashCode(), b.hashCode());
    assertNotEquals(Box.symmetric(2), b);
    assertEquals("Box[low=[-1.0], high=[1.0]]", b.toString());
  }
}
