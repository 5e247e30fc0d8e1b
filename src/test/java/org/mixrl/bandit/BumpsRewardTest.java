package org.mixrl.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.tensor.Tensor;

class BumpsRewardTest {
  @Test
  void parsesTheContractSyntaxIn1D() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");
    assertEquals(1, r.dim());
    assertEquals(2, r.bumps());
    // at a = 1: 1 + 0.8 exp(-4 / 0.18)
    assertEquals(1 + 0.8 * Math.exp(-4 / 0.18), r.value(1.0), 1e-15);
    assertEquals(0.8 + Math.exp(-4 / 0.18), r.value(-1.0), 1e-15);
  }

  @Test
  void parsesSemicolonSeparatedCentresInDDimensions() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@0.5;-0.2/0.3,0.6@-1;1/0.5");
    assertEquals(2, r.dim());
    double d2 = 0.5 * 0.5 + 0.2 * 0.2; // from (0,0) to the first centre
    double d2b = 2.0; // to (-1, 1)
    double want = Math.exp(-d2 / (2 * 0.09)) + 0.6 * Math.exp(-d2b / (2 * 0.25));
    assertEquals(want, r.value(0, 0), 1e-15);
  }

  @Test
  void specRoundTrips() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@0.5;-0.2/0.3,0.6@-1;1/0.5");
    assertEquals(r, BumpsReward.parse(r.spec()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bumps:1.0@1.0",
        "bumps:1.0/0.3",
        "bumps:x@1.0/0.3",
        "bumps:1.0@1.0/0",
        "bumps:1.0@1.0/-0.3",
        "bumps:1.0@1.0/0.3,",
        "bumps:1.0@1;2/0.3,1.0@1/0.3",
        "bumps:0@1/0.3",
        "gauss:1.0@1.0/0.3"
      })
  void rejectsMalformedSpecsNamingThePieceAndTheForm(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BumpsReward.parse(spec));
    assertTrue(e.getMessage().contains("bumps:H@C/W"), e.getMessage());
  }

  @Test
  void malformedPieceIsQuoted() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/zero"));
    assertTrue(e.getMessage().contains("piece 2 '0.8@-1.0/zero'"), e.getMessage());
  }

  @Test
  void tensorEvaluationMatchesPlainValuesAndIsDifferentiable() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@0.5;-0.2/0.3,0.6@-1;1/0.5");
    double[][] pts = {{0, 0}, {0.4, -0.1}, {-1.2, 0.7}};
    Tensor t = r.evaluate(Tensor.matrix(pts));
    for (int i = 0; i < pts.length; i++) {
      assertEquals(r.value(pts[i]), t.get(i), 1e-15);
    }
    GradCheck.Result g = GradCheck.check(in -> r.evaluate(in[0]).sum(), Tensor.matrix(pts));
    assertTrue(g.passed(1e-7), g.toString());
  }

  @Test
  void upperBoundIsTheMaximumAndLowerBoundIsZeroForPositiveBumps() {
    // Two far-apart bumps: the maximum is the taller height (plus a negligible tail).
    BumpsReward far = BumpsReward.oneDimensional(1.0, 1.0, 0.3, 0.8, -1.0, 0.3);
    assertEquals(1 + 0.8 * Math.exp(-4 / 0.18), far.upperBound(), 1e-12);
    assertEquals(0.0, far.lowerBound());
    // Two equal bumps on top of each other at distance < 2W merge: max at the midpoint.
    BumpsReward merged = BumpsReward.oneDimensional(1.0, -0.1, 0.5, 1.0, 0.1, 0.5);
    assertEquals(2 * Math.exp(-0.01 / 0.5), merged.upperBound(), 1e-10);
    // and no grid point exceeds it
    for (double a = -3; a <= 3; a += 1e-3) {
      assertTrue(merged.value(a) <= merged.upperBound() + 1e-14);
    }
  }

  @Test
  void mixedSignBoundsAreTheSignedSums() {
    BumpsReward r = BumpsReward.oneDimensional(1.0, 0, 0.3, -0.5, 2, 0.3);
    assertEquals(-0.5, r.lowerBound());
    assertEquals(1.0, r.upperBound());
  }
}
