package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussHermiteTest {
  /** E[eps^(2m)] = (2m-1)!! for a standard normal; odd moments are 0. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 16, 33, 64, 128, 180})
  void integratesNormalMomentsExactlyUpToDegree2nMinus1(int n) {
    GaussHermite q = GaussHermite.of(n);
    double doubleFactorial = 1;
    for (int deg = 0; deg <= Math.min(2 * n - 1, 20); deg++) {
      final int d = deg;
      double got = q.expectation(e -> Math.pow(e, d));
      double want = d % 2 == 1 ? 0.0 : doubleFactorial;
      // Odd moments cancel terms as large as E[|eps|^d], about d!!: scale the tolerance by it.
      double scale = d % 2 == 1 ? doubleFactorial * d : want;
      assertEquals(want, got, 1e-12 * Math.max(1, scale), "n=" + n + " degree " + d);
      if (d % 2 == 1) {
        doubleFactorial *= d; // E[eps^(d+1)] = d!! = (d-2)!! * d
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 128})
  void integratesAGaussianBumpToItsClosedForm(int n) {
    // E[exp(-(eps - c)^2 / (2 w^2))] = w / sqrt(1 + w^2) * exp(-c^2 / (2 (1 + w^2)))
    double c = 0.7;
    double w = 0.5;
    double want = w / Math.sqrt(1 + w * w) * Math.exp(-c * c / (2 * (1 + w * w)));
    double got = GaussHermite.of(n).expectation(e -> Math.exp(-(e - c) * (e - c) / (2 * w * w)));
    assertEquals(want, got, 1e-10); // a bump is not a polynomial: 64 nodes leave ~3e-12
  }
}
