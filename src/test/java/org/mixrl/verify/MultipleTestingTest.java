package org.mixrl.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {
  @Test
  void twoSidedPValuesMatchTheNormalTable() {
    // P(|Z| > 1.959963984540054) = 0.05 and P(|Z| > 3.290526731491926) = 0.001 (normal table)
    assertEquals(0.05, MultipleTesting.twoSidedP(1.959963984540054), 1e-12);
    assertEquals(0.001, MultipleTesting.twoSidedP(-3.290526731491926), 1e-14);
    assertEquals(1.0, MultipleTesting.twoSidedP(0), 0);
    assertEquals(0.0, MultipleTesting.twoSidedP(Double.NaN), 0);
  }

  @Test
  void criticalZInvertsThePValue() {
    assertEquals(1.959963984540054, MultipleTesting.criticalZ(0.05), 1e-9);
    for (double p : new double[] {0.3, 1e-3, 2.5e-5, 1e-12}) {
      assertEquals(p, MultipleTesting.twoSidedP(MultipleTesting.criticalZ(p)), p * 1e-9);
    }
  }

  @Test
  void holmStepsDownAndStopsAtTheFirstAcceptance() {
    // m = 4, alpha = 0.05: thresholds 0.0125, 0.0167, 0.025, 0.05 for the sorted p-values
    double[] p = {0.04, 0.001, 0.016, 0.03};
    assertArrayEquals(new boolean[] {false, true, true, false}, MultipleTesting.holm(p, 0.05));
    // 0.013 > 0.0125: nothing is rejected, although 0.013 < 0.05
    assertArrayEquals(new boolean[] {false, false}, MultipleTesting.holm(new double[] {0.013, 0.02}, 0.025));
    // everything small: all rejected
    assertArrayEquals(new boolean[] {true, true, true},
        MultipleTesting.holm(new double[] {1e-4, 2e-4, 3e-4}, 0.01));
  }
}
