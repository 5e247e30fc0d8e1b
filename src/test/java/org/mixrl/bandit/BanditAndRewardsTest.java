package org.mixrl.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

class BanditAndRewardsTest {
  @Test
  void randomSuitesAreReproducibleAndWithinTheDocumentedRanges() {
    List<BumpsReward> a = RandomRewards.suite(7, 20, 2);
    List<BumpsReward> b = RandomRewards.suite(7, 25, 2);
    for (int i = 0; i < 20; i++) {
      assertEquals(a.get(i), b.get(i), "reward " + i + " must not depend on count");
      BumpsReward r = a.get(i);
      assertEquals(2, r.dim());
      assertTrue(r.bumps() >= 2 && r.bumps() <= 5);
      for (int k = 0; k < r.bumps(); k++) {
        assertTrue(r.height(k) >= 0.2 && r.height(k) <= 1.0);
        assertTrue(r.width(k) >= 0.1 && r.width(k) <= 0.6);
        for (double c : r.centre(k)) {
          assertTrue(Math.abs(c) <= 1.5);
        }
      }
    }
    assertNotEquals(a.get(0), RandomRewards.suite(8, 1, 2).get(0));
  }

  @Test
  void noiselessBanditPaysTheReward() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@0.2/0.3");
    Bandit bandit = new Bandit(r, 0.0);
    assertEquals(r.value(0.5), bandit.reward(new double[] {0.5}, null));
  }

  @Test
  void noisyBanditHasTheRequestedMeanAndStd() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@0.2/0.3");
    Bandit bandit = new Bandit(r, 0.5);
    RandomStream rng = RandomStream.of(3);
    int n = 20_000;
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double x = bandit.reward(new double[] {0.2}, rng) - 1.0;
      s += x;
      s2 += x * x;
    }
    double mean = s / n;
    double var = s2 / n - mean * mean;
    assertEquals(0.0, mean, 4 * 0.5 / Math.sqrt(n)); // 4 standard errors
    // sd of the sample variance of a normal: sigma^2 sqrt(2 / n)
    assertEquals(0.25, var, 4 * 0.25 * Math.sqrt(2.0 / n));
  }

  @Test
  void banditValidatesItsArguments() {
    BumpsReward r = BumpsReward.parse("bumps:1.0@0.2/0.3");
    assertThrows(IllegalArgumentException.class, () -> new Bandit(r, -0.1));
    assertThrows(IllegalArgumentException.class, () -> new Bandit(r, Double.NaN));
    Bandit box = Bandit.unitBox(r, 0.1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> box.reward(new double[] {1.5}, null));
    assertTrue(e.getMessage().contains("outside [-1.0, 1.0]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> box.reward(new double[] {0.5}, null)); // no rng
    assertThrows(IllegalArgumentException.class, () -> box.reward(new double[] {0.1, 0.2}, null));
  }

  @Test
  void indicatorIsConstantInsideAndOutsideTheUnitInterval() {
    IndicatorReward r = new IndicatorReward(-0.5, 2.0);
    assertEquals(2.0, r.value(1.0));
    assertEquals(2.0, r.value(-0.3));
    assertEquals(-0.5, r.value(1.0001));
    Tensor t = r.evaluate(Tensor.vector(-2, 0, 2));
    assertEquals(-0.5, t.get(0));
    assertEquals(2.0, t.get(1));
    assertThrows(IllegalArgumentException.class, () -> new IndicatorReward(1, 1));
  }

  @Test
  void indicatorScoreMatchesABruteForceIntegral() {
    IndicatorReward r = IndicatorReward.unit();
    double[][] cases = {{0, 1}, {0.3, 0.5}, {-2, 3}, {1, 0.1}};
    for (double[] c : cases) {
      double mu = c[0];
      double sigma = c[1];
      // midpoint rule over the a-interval [-1, 1] of phi((a-mu)/sigma)/sigma (e^2 - 1)
      int n = 200_000;
      double h = 2.0 / n;
      double s = 0;
      for (int i = 0; i < n; i++) {
        double a = -1 + (i + 0.5) * h;
        double e = (a - mu) / sigma;
        s += h * Math.exp(-0.5 * e * e) / Math.sqrt(2 * Math.PI) / sigma * (e * e - 1);
      }
      assertEquals(s, r.logSigmaScore(mu, sigma), 1e-7, "mu=" + mu + " sigma=" + sigma);
    }
  }
}
