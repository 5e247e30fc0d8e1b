package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
