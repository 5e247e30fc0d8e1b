package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mixrl.bandit.BumpsReward;

class ExactEstimatorVarianceTest {
  private static final BumpsReward REWARD = BumpsReward.oneDimensional(1.0, 0.5, 0.4);

  /**
   * One Gaussian component N(mu, sigma^2), z = (a - mu) / sigma: the scores are z / sigma and
   * z^2 - 1 (the logit's is 0), log pi - E log pi = -(z^2 - 1) / 2, and the normal moments
   * E z^4 = 3, E z^6 = 15, E z^8 = 105 give LR's alpha^2 coefficient with N draws and the
   * leave-one-out baseline: (2.5 / sigma^2 + 14) / N + (0.5 / sigma^2 + 2) / (N (N - 1)).
   */
  @Test
  void lrAlphaSquaredCoefficientOfAGaussianMatchesTheClosedForm() {
    double sigma = Math.exp(0.3);
    ExactEstimatorVariance v = new ExactEstimatorVariance(REWARD, new double[] {0},
        new double[] {0.4}, new double[] {0.3});
    for (int n : new int[] {2, 10, 64}) {
      double expected = (2.5 / (sigma * sigma) + 14) / n
          + (0.5 / (sigma * sigma) + 2) / ((double) n * (n - 1));
      assertEquals(expected, v.likelihoodRatio(n).c2(), 1e-9 * expected, "N = " + n);
    }
    // E|s|^2 Var[log pi] = (1 / sigma^2 + 2) * 1/2
    assertEquals((1 / (sigma * sigma) + 2) * 0.5, v.scoreWeightedLogDensityVariance(), 1e-9);
  }

  /**
   * Along a reparameterised draw log N(mu + sigma eps; mu, sigma) = -log sigma - eps^2/2 - const,
   * whose gradient in (mu, log sigma) is the constant (0, -1): MRP's (here RP's) entropy part has
   * no variance, so its alpha^2 coefficient is 0 and its alpha coefficient too.
   */
  @Test
  void mrpEntropyPartOfAGaussianHasNoVariance() {
    ExactEstimatorVariance v = new ExactEstimatorVariance(REWARD, new double[] {0},
        new double[] {0.4}, new double[] {0.3});
    ExactEstimatorVariance.Quadratic q = v.marginalized(16);
    assertEquals(0.0, q.c2(), 1e-12);
    assertEquals(0.0, q.c1(), 1e-12);
    assertEquals(true, q.c0() > 0, "the reward part varies: " + q);
  }

  @Test
  void badArgumentsNameTheValue() {
    ExactEstimatorVariance v = new ExactEstimatorVariance(REWARD, new double[] {0, 0},
        new double[] {-1, 1}, new double[] {0, 0});
    assertEquals("ExactEstimatorVariance: the leave-one-out baseline needs >= 2 draws, got 1",
        assertThrows(IllegalArgumentException.class, () -> v.likelihoodRatio(1)).getMessage());
    assertEquals("ExactEstimatorVariance: batch must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> v.marginalized(0)).getMessage());
  }
}
