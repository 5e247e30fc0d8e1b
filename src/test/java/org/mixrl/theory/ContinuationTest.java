package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.PolicyClass;

class ContinuationTest {
  private static final BumpsReward TWO_BUMPS = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");

  private static Continuation.Settings fast(int randomStarts) {
    Continuation.Settings d = Continuation.Settings.defaults();
    return new Continuation.Settings(d.maxStep(), d.minStep(), d.search().withStarts(randomStarts),
        false);
  }

  @Test
  void theTwoBumpMixtureOfTwoGaussiansIsFollowedUntilItFoldsNearAlphaOneThird() {
    // The GM_2 maximum with one component on each bump (issue 12 measured J = 0.870 at
    // alpha = 0.2 and 0.922 at 0.3, and its end near 0.335, by an independent run).
    Continuation.Result r = Continuation.run(TWO_BUMPS, PolicyClass.GM, 2,
        new double[] {0.2, 0.3, 0.4}, fast(2));
    Continuation.Branch twoBumps = r.branches().stream()
        .filter(b -> b.steps().get(0).point().weights()[0] > 0.2
            && b.steps().get(0).point().weights()[1] > 0.2)
        .findFirst().orElseThrow(() -> new AssertionError(r.branches().toString()));
    StationaryPoints.Point at02 = twoBumps.at(0.2).orElseThrow();
    assertEquals(0.870, at02.objective(), 1e-3);
    assertEquals(1.0, Math.abs(at02.means()[0]), 0.01);
    assertEquals(1.0, Math.abs(at02.means()[1]), 0.01);
    assertEquals(0.922, twoBumps.at(0.3).orElseThrow().objective(), 1e-3);
    assertEquals(Continuation.End.FOLD, twoBumps.end(), twoBumps.evidence());
    assertTrue(twoBumps.endAlpha() > 0.33 && twoBumps.endAlpha() < 0.34,
        "ends at " + twoBumps.endAlpha());
    assertTrue(twoBumps.at(0.4).isEmpty());
  }

  @Test
  void theGaussianMaximumFoldsJustBelowTheExactThreshold() {
    // Two independent computations: alpha*_G by the threshold search over (mu, sigma), and the
    // end of the continued G maximum (dJ/dlog sigma = S + alpha has no root above alpha*_G).
    double alphaStar = GaussianThreshold.compute(TWO_BUMPS).alphaStar();
    Continuation.Settings d = fast(0);
    Continuation.Settings s = new Continuation.Settings(0.02, 2e-4, d.search(), false);
    Continuation.Result r = Continuation.run(TWO_BUMPS, PolicyClass.G, 1,
        new double[] {0.3, 0.36, 0.4}, s);
    double last = r.lastMaximumEnds();
    assertTrue(last <= alphaStar && last > alphaStar - 2e-3,
        "last G maximum ends at " + last + ", alpha*_G = " + alphaStar);
    Continuation.Branch b = r.branches().stream().filter(x -> x.endAlpha() == last)
        .findFirst().orElseThrow();
    assertEquals(Continuation.End.FOLD, b.end(), b.evidence());
  }

  @Test
  void noMaximumIsCountedTwiceAtAnyAlpha() {
    // The quick plan of `mixrl reproduce` on SGM_3 (3 random starts, steps of 0.25): before
    // deduplication and the smooth-branch check, the branch from alpha = 0.1 jumped onto the
    // maximum that a fresh start had found at alpha = 0.5, and both counted at alpha = 1.0
    // (the same policy with two components relabelled, J equal to 1e-10).
    double[] alphas = {0.1, 0.5, 1.0};
    Continuation.Settings s = new Continuation.Settings(0.25, 1e-3,
        EntropyRobustness.fastSettings().search().withStarts(3), true);
    Continuation.Result r = Continuation.run(TWO_BUMPS, PolicyClass.SGM, 3, alphas, s);
    for (double alpha : alphas) {
      List<StationaryPoints.Point> alive = r.branches().stream()
          .flatMap(b -> b.at(alpha).stream()).toList();
      assertFalse(alive.isEmpty(), "a maximum on the box at alpha = " + alpha);
      for (int a = 0; a < alive.size(); a++) {
        for (int b = a + 1; b < alive.size(); b++) {
          assertTrue(PolicyDistance.of(alive.get(a), alive.get(b)) > PolicyDistance.SAME_WITH_EQUAL_J,
              "alpha = " + alpha + ": " + alive.get(a) + " and " + alive.get(b));
        }
      }
    }
  }

  @Test
  void aPolishThatJumpsToAnotherMaximumIsNotASmoothBranchStep() {
    // Two distinct GM_2 maxima at alpha = 0.1 (one component per bump; both on the taller
    // bump), each polished again at alpha = 0.11. Following one's own branch satisfies
    // alpha0 dH <= -dE <= alpha1 dH (envelope theorem); switching to the other does not.
    StationaryPoints.Settings s = StationaryPoints.Settings.defaults();
    ExactObjective j0 = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, 0.1);
    ExactObjective j1 = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, 0.11);
    StationaryPoints.Point both = StationaryPoints.fromStart(j0,
        j0.pack(new double[] {0, 0}, new double[] {-1, 1}, new double[] {-1.2, -1.2}), s);
    StationaryPoints.Point tall = StationaryPoints.fromStart(j0,
        j0.pack(new double[] {0, 0}, new double[] {0.8, 1.2}, new double[] {-1.5, -1.5}), s);
    assertTrue(both.isLocalMaximum(1e-6) && tall.isLocalMaximum(1e-6), both + " / " + tall);
    assertFalse(StationaryPoints.samePolicy(both, tall), both + " / " + tall);
    StationaryPoints.Point both1 = StationaryPoints.polish(j1, both.theta(), s);
    StationaryPoints.Point tall1 = StationaryPoints.polish(j1, tall.theta(), s);
    double tol = Continuation.SMOOTH_STEP_TOLERANCE;
    assertTrue(Continuation.smoothBranchStep(both, 0.1, both1, 0.11, tol));
    assertTrue(Continuation.smoothBranchStep(tall, 0.1, tall1, 0.11, tol));
    assertFalse(Continuation.smoothBranchStep(both, 0.1, tall1, 0.11, tol));
    assertFalse(Continuation.smoothBranchStep(tall, 0.1, both1, 0.11, tol));
  }

  @Test
  void theAlphaGridMustBePositiveAndIncreasing() {
    for (double[] bad : List.of(new double[] {}, new double[] {0.2, 0.1},
        new double[] {0.1, 0.1}, new double[] {0, 0.1}, new double[] {-1},
        new double[] {Double.NaN}, new double[] {0.1, Double.POSITIVE_INFINITY})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Continuation.checkGrid(bad));
      assertTrue(e.getMessage().startsWith("continuation: "), e.getMessage());
    }
  }
}
