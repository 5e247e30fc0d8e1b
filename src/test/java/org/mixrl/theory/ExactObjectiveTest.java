package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.tensor.Tensor;
import org.mixrl.testing.RandomCases;

class ExactObjectiveTest {
  private static final double HALF_LOG_2PI_E = 0.5 * Math.log(2 * Math.PI * Math.E);
  private static final BumpsReward TWO_BUMPS = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");

  /** E[H exp(-(a-C)^2/(2W^2))] under N(mu, sigma^2) = H W/s exp(-(mu-C)^2/(2 s^2)). */
  private static double bumpMean(double h, double c, double w, double mu, double sigma) {
    double s2 = w * w + sigma * sigma;
    return h * w / Math.sqrt(s2) * Math.exp(-(mu - c) * (mu - c) / (2 * s2));
  }

  @Test
  void gaussianEntropyAndExpectedRewardHaveTheirClosedForms() {
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.G, 1, 0.3);
    for (double[] p : new double[][] {{0.2, Math.log(0.5)}, {-3, Math.log(4)}, {1, -6}, {2, 4}}) {
      Tensor theta = Tensor.vector(p);
      double sigma = Math.exp(p[1]);
      double er = bumpMean(1.0, 1.0, 0.3, p[0], sigma) + bumpMean(0.8, -1.0, 0.3, p[0], sigma);
      double h = HALF_LOG_2PI_E + p[1];
      assertEquals(h, j.entropy(theta).item(), 1e-11);
      assertEquals(er, j.expectedReward(theta).item(), 1e-11);
      assertEquals(er + 0.3 * h, j.value(p), 1e-11);
    }
  }

  @Test
  void gaussianLogSigmaGradientIsTheScorePlusAlpha() {
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.G, 1, 0.3);
    double[] p = {0.4, Math.log(0.7)};
    double[] g = j.gradient(p);
    assertEquals(
        GaussianThreshold.logSigmaDerivative(TWO_BUMPS, 0.3, 0.4, 0.7), g[1], 1e-10);
    // d/dmu of the closed form, by a central difference
    double h = 1e-6;
    double dmu =
        (bumpMean(1, 1, 0.3, p[0] + h, 0.7) + bumpMean(0.8, -1, 0.3, p[0] + h, 0.7)
                - bumpMean(1, 1, 0.3, p[0] - h, 0.7) - bumpMean(0.8, -1, 0.3, p[0] - h, 0.7))
            / (2 * h);
    assertEquals(dmu, g[0], 1e-8);
  }

  @Test
  void squashedGaussianMatchesABruteForceIntegralOverTheBox() {
    double mu = 0.3;
    double sigma = 0.9;
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.SG, 1, 0.5);
    // pi(a) = N(atanh a; mu, sigma) / (1 - a^2) on (-1, 1); midpoint rule in a
    int n = 2_000_000;
    double step = 2.0 / n;
    double er = 0;
    double ent = 0;
    for (int i = 0; i < n; i++) {
      double a = -1 + (i + 0.5) * step;
      double u = 0.5 * Math.log((1 + a) / (1 - a));
      double z = (u - mu) / sigma;
      double pi = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) / (1 - a * a);
      if (pi > 0) {
        er += step * pi * TWO_BUMPS.value(a);
        ent -= step * pi * Math.log(pi);
      }
    }
    Tensor theta = Tensor.vector(mu, Math.log(sigma));
    assertEquals(er, j.expectedReward(theta).item(), 1e-7);
    assertEquals(ent, j.entropy(theta).item(), 1e-6);
  }

  @Test
  void mixtureOfIdenticalComponentsIsTheGaussianAndFarApartOnesGainLogTwo() {
    ExactObjective gm = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, 0.4);
    ExactObjective g = new ExactObjective(TWO_BUMPS, PolicyClass.G, 1, 0.4);
    double[] same = gm.pack(new double[] {0.3, -1.1}, new double[] {0.5, 0.5}, new double[] {-1, -1});
    assertEquals(g.value(new double[] {0.5, -1}), gm.value(same), 1e-12);
    double[] far = gm.pack(new double[] {0, 0}, new double[] {-40, 40}, new double[] {0, 0});
    assertEquals(HALF_LOG_2PI_E + Math.log(2), gm.entropy(Tensor.vector(far)).item(), 1e-10);
  }

  @Test
  void mixtureGradientMatchesCentralDifferences() {
    ExactObjective sgm = new ExactObjective(TWO_BUMPS, PolicyClass.SGM, 3, 0.2);
    double[] theta =
        sgm.pack(new double[] {0.1, -0.5, 0.7}, new double[] {-0.8, 0.1, 1.2}, new double[] {-1, -0.3, -2});
    double[] g = sgm.gradient(theta);
    var frozen = sgm.objectiveWithRuleAt(theta);
    for (int i = 0; i < theta.length; i++) {
      double h = 1e-5;
      double[] p = theta.clone();
      p[i] += h;
      double fp = frozen.apply(Tensor.vector(p)).item();
      p[i] -= 2 * h;
      double fm = frozen.apply(Tensor.vector(p)).item();
      assertEquals((fp - fm) / (2 * h), g[i], 1e-7, "parameter " + i);
    }
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      sum += g[i];
    }
    assertEquals(0.0, sum, 1e-12, "J is invariant to shifting all logits");
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExactObjective(TWO_BUMPS, PolicyClass.G, 2, 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, -0.1));
    ExactObjective gm = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, 0.1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> gm.value(new double[] {1, 2}));
    assertTrue(e.getMessage().contains("logits[2], means[2], logStds[2]"), e.getMessage());
  }

  /** One parameter point: a class and two (mu, log sigma) pairs and a logit. */
  record Extreme(PolicyClass policyClass, double mu1, double mu2, double ls1, double ls2,
      double logit, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * 60 cases (seed 401): a uniform class; mu in [-10, 10], log sigma in [-6.9, 4.6] (sigma in
   * [1e-3, 1e2]), logit in [-18, 18] (weights down to ~1e-8); each coordinate is an edge value
   * (either end, or 0) with probability 1/4, so extremes meet each other.
   */
  static List<Extreme> extremeParameters() {
    long seed = 401;
    return RandomCases.generate(seed, 60, (rng, i) -> {
      PolicyClass c = PolicyClass.values()[rng.nextInt(4)];
      double mu1 = RandomCases.doubleIn(rng, -10, 10, 0.25);
      double mu2 = RandomCases.doubleIn(rng, -10, 10, 0.25);
      double ls1 = RandomCases.doubleIn(rng, -6.9, 4.6, 0.25);
      double ls2 = RandomCases.doubleIn(rng, -6.9, 4.6, 0.25);
      double logit = RandomCases.doubleIn(rng, -18, 18, 0.25);
      return new Extreme(c, mu1, mu2, ls1, ls2, logit, RandomCases.id(seed, i) + " " + c
          + " mu=" + mu1 + "," + mu2 + " logSigma=" + ls1 + "," + ls2 + " logit=" + logit);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extremeParameters")
  void objectiveAndGradientAreFiniteAtExtremeParameters(Extreme x) {
    PolicyClass c = x.policyClass();
    int k = c.mixture() ? 2 : 1;
    ExactObjective j = new ExactObjective(TWO_BUMPS, c, k, 0.7);
    double[] theta =
        c.mixture()
            ? j.pack(new double[] {x.logit(), -x.logit()}, new double[] {x.mu1(), x.mu2()},
                new double[] {x.ls1(), x.ls2()})
            : j.pack(null, new double[] {x.mu1()}, new double[] {x.ls1()});
    double v = j.value(theta);
    assertTrue(Double.isFinite(v), x.label() + ": J = " + v);
    double er = j.expectedReward(Tensor.vector(theta)).item();
    assertTrue(er >= -1e-9 && er <= TWO_BUMPS.upperBound() + 1e-9, x.label() + ": E[r] = " + er);
    for (double g : j.gradient(theta)) {
      assertTrue(Double.isFinite(g), x.label() + ": gradient entry " + g);
    }
  }
}
