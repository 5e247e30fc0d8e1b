package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.bandit.IndicatorReward;
import org.mixrl.bandit.RandomRewards;
import org.mixrl.bandit.Reward;

class GaussianThresholdTest {
  /**
   * For one bump, E[r] = H W / s exp(-d^2 / (2 s^2)) with s^2 = W^2 + sigma^2, d = mu - C, and
   * S = sigma dE/dsigma = E (sigma^2 / s^2) (d^2 / s^2 - 1) (differentiate log E in s^2).
   */
  private static double bumpScore(double h, double c, double w, double mu, double sigma) {
    double s2 = w * w + sigma * sigma;
    double d2 = (mu - c) * (mu - c);
    double e = h * w / Math.sqrt(s2) * Math.exp(-d2 / (2 * s2));
    return e * sigma * sigma / s2 * (d2 / s2 - 1);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-3, 0.01, 0.1, 0.3, 1, 3, 10, 100})
  void quadratureScoreMatchesTheClosedFormAcrossSigma(double sigma) {
    BumpsReward r = BumpsReward.oneDimensional(1.0, 0.4, 0.1);
    for (double mu : new double[] {-2, 0, 0.4, 0.45, 3}) {
      double want = bumpScore(1.0, 0.4, 0.1, mu, sigma);
      assertEquals(want, GaussianThreshold.quadratureScore(r, mu, sigma), 1e-11,
          "mu=" + mu + " sigma=" + sigma);
    }
  }

  /** The rewards of docs/theory.md's table of measured thresholds, and random ones. */
  private static java.util.List<BumpsReward> ordinaryRewards() {
    java.util.List<BumpsReward> rewards = new java.util.ArrayList<>(RandomRewards.suite(5, 2, 1));
    for (String spec : new String[] {"bumps:1.0@1.0/0.3,0.8@-1.0/0.3", "bumps:1.0@0/0.3",
        "bumps:1.0@0.5/0.2,1.0@-0.5/0.2", "bumps:1.0@0/0.05,1.0@0.3/0.05,1.0@-0.3/0.05",
        "bumps:1.0@0/1.0,0.5@3/0.1", "bumps:1.0@0/0.3,-0.6@0.4/0.2"}) {
      rewards.add(BumpsReward.parse(spec));
    }
    return rewards;
  }

  @Test
  void bumpsClosedFormAgreesWithTheQuadratureToItsStatedAccuracy() {
    for (BumpsReward r : ordinaryRewards()) {
      for (double mu : new double[] {-3, -1, -0.2, 0, 0.37, 1, 4}) {
        for (double sigma : new double[] {1e-3, 0.02, 0.1, 0.4, 1, 3, 30}) {
          assertEquals(GaussianThreshold.quadratureScore(r, mu, sigma),
              GaussianThreshold.score(r, mu, sigma), 1e-11, r + " mu=" + mu + " sigma=" + sigma);
        }
      }
    }
  }

  @Test
  void closedFormStaysFiniteAtExtremeArguments() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@0/0.001,-2.0@1000/1000");
    for (double mu : new double[] {-1e300, -1e3, 0, 1e3, 1e300}) {
      for (double sigma : new double[] {1e-300, 1e-3, 1, 1e3, 1e300}) {
        assertTrue(Double.isFinite(GaussianThreshold.score(r, mu, sigma)),
            "mu=" + mu + " sigma=" + sigma);
      }
    }
  }

  @Test
  void thresholdMatchesTheQuadratureSearchOnOrdinaryRewards() {
    // the search as it was before the closed form (S by quadrature); same alpha* to well below
    // the table's 6 decimals, the same maximiser to docs/theory.md's stated 1e-3
    for (BumpsReward r : ordinaryRewards()) {
      GaussianThreshold.Result fast = GaussianThreshold.compute(r);
      GaussianThreshold.Result quadrature =
          GaussianThreshold.search(r, GaussianThreshold::quadratureScore, null);
      assertEquals(quadrature.alphaStar(), fast.alphaStar(), 1e-9, r.toString());
      assertEquals(quadrature.mu(), fast.mu(), 1e-3, r.toString());
      assertEquals(quadrature.sigma(), fast.sigma(), 1e-3, r.toString());
    }
  }

  @Test
  void aBumpMuchNarrowerThanTheGridSpacingIsFound() {
    // The grid's mean spacing is (102.4 + 0.08) / 120 = 0.85, 85 widths of the narrow bump; the
    // narrow bump's threshold 2 / 3^1.5 (test above) exceeds the wide one's 0.5 * 2 / 3^1.5, and
    // the bumps are 100 apart, so neither changes the other's S at its optimum.
    BumpsReward r = BumpsReward.parse("bumps:1@0/0.01,0.5@100/0.3");
    GaussianThreshold.Result t = GaussianThreshold.compute(r);
    assertEquals(2 / Math.pow(3, 1.5), t.alphaStar(), 1e-9);
    assertEquals(0.0, t.mu(), 1e-5);
    assertEquals(Math.sqrt(2) * 0.01, t.sigma(), 1e-5);
  }

  @Test
  void progressCountsEveryGridRowAndLocalSearchUpToItsTotal() {
    java.util.List<int[]> calls = new java.util.ArrayList<>();
    GaussianThreshold.compute(BumpsReward.parse("bumps:1.0@0/0.3"),
        (done, total) -> calls.add(new int[] {done, total}));
    int total = calls.get(0)[1];
    assertEquals(total, calls.size(), "one report per unit");
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(i + 1, calls.get(i)[0]);
      assertEquals(total, calls.get(i)[1], "the total never changes");
    }
  }

  @Test
  void twoPhiOneIsTheConstantOfTheReference() {
    assertEquals(0.48394144903828673, GaussianThreshold.TWO_PHI_ONE, 1e-16);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.3, 1.0})
  void singleBumpThresholdIsTwoOverThreeToTheThreeHalvesTimesHeight(double w) {
    // At mu = C, -S = H W sigma^2 / s^3, maximal at sigma^2 = 2 W^2 with value 2 / 3^1.5 H;
    // moving mu away from C shrinks both factors of -S.
    BumpsReward r = BumpsReward.oneDimensional(0.7, -0.3, w);
    GaussianThreshold.Result t = GaussianThreshold.compute(r);
    assertEquals(0.7 * 2 / Math.pow(3, 1.5), t.alphaStar(), 1e-9);
    assertEquals(-0.3, t.mu(), 1e-4);
    assertEquals(Math.sqrt(2) * w, t.sigma(), 1e-3 * w);
    assertTrue(t.alphaStar() <= t.universalBound());
  }

  @Test
  void thresholdNeverExceedsTheUniversalBoundOnBumpRewards() {
    java.util.List<Reward> rewards = new java.util.ArrayList<>(RandomRewards.suite(11, 6, 1));
    rewards.add(BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3"));
    rewards.add(BumpsReward.parse("bumps:1.0@0/0.05,1.0@0.3/0.05,1.0@-0.3/0.05"));
    for (Reward r : rewards) {
      GaussianThreshold.Result t = GaussianThreshold.compute(r);
      assertTrue(t.alphaStar() > 0, r.toString());
      assertTrue(t.alphaStar() <= t.universalBound() * (1 + 1e-12), r + " " + t);
      // the reported maximiser really attains alpha*
      assertEquals(t.alphaStar(), -GaussianThreshold.score(r, t.mu(), t.sigma()), 1e-14);
    }
  }

  @Test
  void indicatorAttainsTheUniversalBoundAtMuZeroSigmaOne() {
    // -S = (r_max - r_min)(u phi(u) - l phi(l)); e phi(e) lies in [-phi(1), phi(1)] with the
    // extremes at e = +-1, so the sup 2 phi(1)(r_max - r_min) is attained at u = 1, l = -1.
    IndicatorReward r = new IndicatorReward(-0.5, 1.5);
    GaussianThreshold.Result t = GaussianThreshold.compute(r);
    assertEquals(GaussianThreshold.TWO_PHI_ONE * 2.0, t.universalBound(), 1e-15);
    assertEquals(t.universalBound(), t.alphaStar(), 1e-6);
    assertEquals(0.0, t.mu(), 1e-3);
    assertEquals(1.0, t.sigma(), 1e-3);
  }

  @Test
  void aboveTheThresholdTheLogSigmaDerivativeIsPositiveEverywhere() {
    for (Reward r :
        new Reward[] {
          BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3"), IndicatorReward.unit()
        }) {
      double alpha = GaussianThreshold.compute(r).alphaStar() * 1.001;
      double minimum = Double.POSITIVE_INFINITY;
      for (double mu = -4; mu <= 4; mu += 0.05) {
        for (double ls = Math.log(1e-3); ls <= Math.log(1e3); ls += 0.05) {
          minimum =
              Math.min(minimum, GaussianThreshold.logSigmaDerivative(r, alpha, mu, Math.exp(ls)));
        }
      }
      assertTrue(minimum > 0, r + ": min dJ/dlog sigma = " + minimum);
    }
  }

  @Test
  void belowTheThresholdTheLogSigmaDerivativeHasARootAtTheMaximisingMean() {
    for (Reward r :
        new Reward[] {
          BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3"), IndicatorReward.unit()
        }) {
      GaussianThreshold.Result t = GaussianThreshold.compute(r);
      double alpha = 0.99 * t.alphaStar();
      // negative at the maximiser, positive for large sigma (S -> 0): bisect in log sigma
      double lo = Math.log(t.sigma());
      double hi = Math.log(1e4);
      assertTrue(GaussianThreshold.logSigmaDerivative(r, alpha, t.mu(), Math.exp(lo)) < 0);
      assertTrue(GaussianThreshold.logSigmaDerivative(r, alpha, t.mu(), Math.exp(hi)) > 0);
      for (int i = 0; i < 200; i++) {
        double mid = 0.5 * (lo + hi);
        if (GaussianThreshold.logSigmaDerivative(r, alpha, t.mu(), Math.exp(mid)) < 0) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      double root = GaussianThreshold.logSigmaDerivative(r, alpha, t.mu(), Math.exp(lo));
      assertEquals(0.0, root, 1e-10, r.toString());
      assertTrue(Math.exp(lo) > t.sigma(), "the root lies beyond the maximiser");
    }
  }
}
