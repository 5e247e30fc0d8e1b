package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.PolicyClass;

class StationaryPointsTest {
  private static final BumpsReward TWO_BUMPS = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");

  @Test
  void gaussianBelowTheThresholdHasANonDegenerateMaximumOnTheTallerBump() {
    double alphaStar = GaussianThreshold.compute(TWO_BUMPS).alphaStar();
    double alpha = 0.8 * alphaStar;
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.G, 1, alpha);
    StationaryPoints.Point p =
        StationaryPoints.fromStart(
            j, new double[] {0.8, Math.log(0.3)}, StationaryPoints.Settings.defaults());
    assertEquals(StationaryPoints.Type.MAXIMUM, p.type(), p.toString());
    assertTrue(p.gradientNorm() < 1e-7);
    assertTrue(p.eigenvalues()[1] < 0, "both eigenvalues negative");
    // Independent check through the threshold code: dJ/dlog sigma = S + alpha = 0 there.
    assertEquals(0.0, GaussianThreshold.logSigmaDerivative(TWO_BUMPS, alpha, p.means()[0],
        p.stds()[0]), 1e-7);
    assertEquals(1.0, p.means()[0], 0.01, "the other bump's tail pulls the mean slightly");
  }

  @Test
  void gaussianAboveTheThresholdDivergesFromEveryStart() {
    double alpha = 1.02 * GaussianThreshold.compute(TWO_BUMPS).alphaStar();
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.G, 1, alpha);
    List<StationaryPoints.Point> points =
        StationaryPoints.search(j, StationaryPoints.Settings.defaults().withStarts(10));
    for (StationaryPoints.Point p : points) {
      assertEquals(StationaryPoints.Type.DIVERGED, p.type(), p.toString());
      assertTrue(p.stds()[0] > Math.exp(8), "sigma grew past the bound: " + p);
      assertTrue(p.evidence().contains("log sigma[0]"), p.evidence());
    }
  }

  @Test
  void squashedGaussianHasAMaximumEvenForLargeAlpha() {
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.SG, 1, 2.0);
    List<StationaryPoints.Point> points =
        StationaryPoints.search(j, StationaryPoints.Settings.defaults().withStarts(3));
    StationaryPoints.Point best =
        StationaryPoints.best(points, StationaryPoints.Settings.defaults()).orElseThrow();
    assertEquals(StationaryPoints.Type.MAXIMUM, best.type());
    // The entropy of a distribution on [-1, 1] is at most log 2 (the uniform one).
    assertTrue(best.entropy() <= Math.log(2) + 1e-9, best.toString());
  }

  @Test
  void mixtureMaximaAreClassifiedOnTheQuotientOfTheLogitShift() {
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.SGM, 2, 0.2);
    StationaryPoints.Point p =
        StationaryPoints.fromStart(
            j,
            j.pack(new double[] {0, 0}, new double[] {-1.2, 1.2}, new double[] {-1.5, -1.5}),
            StationaryPoints.Settings.defaults());
    assertEquals(StationaryPoints.Type.MAXIMUM, p.type(), p.toString());
    assertEquals(5, p.eigenvalues().length, "6 parameters minus the logit shift");
    assertEquals(1.0, p.weights()[0] + p.weights()[1], 1e-12);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 5, 8})
  void gaussianMixturesOnTheLineFindNoMaximumAboveTheGaussianThreshold(int k) {
    // Measured, not a theorem: docs/theory.md reports 8/8 starts diverging for K = 2..8.
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.GM, k, 0.5);
    for (StationaryPoints.Point p :
        StationaryPoints.search(j, StationaryPoints.Settings.defaults().withStarts(4))) {
      assertEquals(StationaryPoints.Type.DIVERGED, p.type(), p.toString());
    }
  }

  @Test
  void theGaussianOptimumWrittenAsTwoEqualComponentsIsASaddleOfTheMixture() {
    // Below alpha*_G the Gaussian maximum is a stationary point of GM_2 once copied into two
    // identical components (same policy, each component's gradient is half the Gaussian's);
    // splitting the copies towards the two bumps raises J, so it is not a maximum of GM_2.
    double alpha = 0.36;
    StationaryPoints.Settings s = StationaryPoints.Settings.defaults();
    StationaryPoints.Point g = StationaryPoints.fromStart(
        new ExactObjective(TWO_BUMPS, PolicyClass.G, 1, alpha),
        new double[] {1.0, Math.log(0.3)}, s);
    assertEquals(StationaryPoints.Type.MAXIMUM, g.type(), g.toString());
    ExactObjective gm2 = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, alpha);
    double[] copies = Starts.gaussianCopies(gm2, g.theta()[0], g.theta()[1]);
    assertTrue(Ascent.norm(gm2.gradient(copies)) < 1e-6, "the copies are stationary already");
    StationaryPoints.Point p = StationaryPoints.stationaryFromStart(gm2, copies, s);
    assertEquals(StationaryPoints.Type.SADDLE, p.type(), p.toString());
    assertEquals(5, p.eigenvalues().length, "6 parameters minus the logit shift");
    assertTrue(p.eigenvalues()[4] > 0.1, p.toString());
    assertEquals(g.objective(), p.objective(), 1e-9, "the same policy as the Gaussian maximum");
  }

  @Test
  void levenbergMarquardtOnTheGradientNormFindsTheSaddleThatAscentLeaves() {
    ExactObjective gm2 = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, 0.36);
    // a point near the copies, perturbed so that ascent starts moving off the saddle
    double[] start = gm2.pack(new double[] {0.05, 0}, new double[] {0.98, 1.02},
        new double[] {Math.log(0.3), Math.log(0.32)});
    StationaryPoints.Settings s = StationaryPoints.Settings.defaults();
    assertTrue(StationaryPoints.fromStart(gm2, start, s).type() != StationaryPoints.Type.SADDLE);
    StationaryPoints.Point p = StationaryPoints.stationaryFromStart(gm2, start, s);
    assertEquals(StationaryPoints.Type.SADDLE, p.type(), p.toString());
  }

  @Test
  void theLogitShiftIsRemovedBeforeClassifying() {
    ExactObjective gm3 = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 3, 0.1);
    double[] theta = gm3.pack(new double[] {0.3, -0.2, 0.1}, new double[] {-1, 0, 1},
        new double[] {-1.5, -1, -1.5});
    double[] shifted = theta.clone();
    for (int i = 0; i < 3; i++) {
      shifted[i] += 4.0;
    }
    double[] a = Curvature.eigenvalues(gm3, theta);
    double[] b = Curvature.eigenvalues(gm3, shifted);
    assertEquals(8, a.length, "9 parameters minus the logit shift");
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-6 * Math.max(1, Math.abs(a[i])));
    }
    // the full Hessian has an eigenvalue ~0 along (1, 1, 1, 0, ...); none is left after the gauge
    double[] full = org.mixrl.autodiff.Hessian.eigenvalues(gm3.hessian(theta));
    double smallestFull = java.util.Arrays.stream(full).map(Math::abs).min().orElseThrow();
    double smallestReduced = java.util.Arrays.stream(a).map(Math::abs).min().orElseThrow();
    assertTrue(smallestFull < 1e-6, "gauge zero present in the full Hessian");
    assertTrue(smallestReduced > 1e-4, "gauge zero removed: " + smallestReduced);
  }

  @Test
  void classifyReadsTheSignsOfTheEigenvalues() {
    assertEquals(StationaryPoints.Type.MAXIMUM, Curvature.classify(new double[] {-2, -1e-3}, 1e-6));
    assertEquals(StationaryPoints.Type.MINIMUM, Curvature.classify(new double[] {1e-3, 2}, 1e-6));
    assertEquals(StationaryPoints.Type.SADDLE, Curvature.classify(new double[] {-1, 0, 1}, 1e-6));
    assertEquals(StationaryPoints.Type.DEGENERATE,
        Curvature.classify(new double[] {-1, 1e-9}, 1e-6));
  }

  @Test
  void settingsAreValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StationaryPoints.Settings(-1, 0, 10, 10, 1e-7, 8, 1e3, 1e-6));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StationaryPoints.Settings(1, 0, 10, 10, 0, 8, 1e3, 1e-6));
  }
}
