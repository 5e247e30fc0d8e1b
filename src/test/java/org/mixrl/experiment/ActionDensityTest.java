package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.agent.Sac;
import org.mixrl.agent.SacConfig;
import org.mixrl.env.Box;
import org.mixrl.nn.NamedParameter;
import org.mixrl.policy.Mixture;
import org.mixrl.policy.PolicyClass;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

class ActionDensityTest {
  /** A box with different centres and half-widths per axis, so axis mix-ups show. */
  private static final Box BOX = new Box(new double[] {-1, 0}, new double[] {1, 4});

  /** A squashed mixture agent whose actor weights are scaled up, spreading its components. */
  private static Sac agent(int actionDim, double scale) {
    Box box = switch (actionDim) {
      case 2 -> BOX;
      case 3 -> Box.symmetric(1, 1, 1);
      default -> Box.symmetric(2);
    };
    SacConfig c = SacConfig.builder().policyClass(PolicyClass.parse("sgm")).components(3)
        .estimator("mrp").hidden(List.of(8)).build();
    Sac sac = new Sac(c, 2, box, RandomStream.of(5));
    for (NamedParameter p : sac.actor().namedParameters()) {
      double[] v = p.tensor().data();
      for (int i = 0; i < v.length; i++) {
        v[i] *= scale;
      }
    }
    return sac;
  }

  /**
   * The squashed mixture density written out from the components: with u = atanh((a - c) / h),
   * p(a) = sum_k w_k prod_j N(u_j; mu_kj, sigma_kj) / prod_j h_j (1 - tanh(u_j)^2).
   */
  private static double byHand(Sac sac, double[] s, double[] a) {
    try (GradMode g = GradMode.noGrad()) {
      Mixture pi = (Mixture) sac.actor().policy(Tensor.of(s.clone(), 1, 2));
      double[] w = pi.weights().toArray();
      double[] mu = pi.latent().means().toArray(); // [1, K, d]
      double[] logSd = pi.latent().logStds().toArray();
      int d = a.length;
      double p = 0;
      for (int k = 0; k < w.length; k++) {
        double pk = w[k];
        for (int j = 0; j < d; j++) {
          double c = (BOX.low(j) + BOX.high(j)) / 2;
          double h = (BOX.high(j) - BOX.low(j)) / 2;
          double t = (a[j] - c) / h;
          double u = 0.5 * Math.log((1 + t) / (1 - t));
          double sd = Math.exp(logSd[k * d + j]);
          double z = (u - mu[k * d + j]) / sd;
          pk *= Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI)) / (h * (1 - t * t));
        }
        p += pk;
      }
      return p;
    }
  }

  @Test
  void theGridHoldsCellCentresAndTheSquashedMixtureDensity() {
    Sac sac = agent(2, 3.0);
    double[] s = {0.3, -0.7};
    ActionDensity.Grid g = ActionDensity.of(sac, "test", 7, s, 10);
    assertEquals(-1 + 0.1, g.axes()[0][0], 1e-15);
    assertEquals(4 - 0.2, g.axes()[1][9], 1e-15);
    assertEquals(100, g.density().length);
    assertEquals(0.2 * 0.4, g.cellVolume(), 1e-15);
    for (int i = 0; i < 100; i += 7) {
      double[] a = g.actions()[i];
      assertEquals(g.axes()[0][i / 10], a[0], 0.0);
      assertEquals(g.axes()[1][i % 10], a[1], 0.0);
      double expected = byHand(sac, s, a);
      assertEquals(expected, g.density()[i], 1e-9 * expected + 1e-300, "action " + i);
    }
    double sum = 0;
    for (int k = 0; k < g.weights().length; k++) {
      sum += g.weights()[k];
      assertTrue(new Box(BOX.low(), BOX.high()).contains(g.componentModes()[k]));
    }
    assertEquals(1.0, sum, 1e-12);
  }

  /** Standard normal CDF by Simpson's rule on [-12, x] (error far below the tolerances here). */
  private static double phi(double x) {
    double lo = -12;
    if (x <= lo) {
      return 0;
    }
    int n = 4000;
    double h = (x - lo) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double t = lo + i * h;
      double f = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
      sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
    }
    return sum * h / 3;
  }

  /**
   * Over the inner box where both squashed coordinates lie in [-0.8, 0.8] (where the density is
   * smooth, so the midpoint rule is accurate), the grid's mass equals the exact mass
   * sum_k w_k prod_j [Phi((atanh 0.8 - mu_kj) / sigma_kj) - Phi((-atanh 0.8 - mu_kj) / sigma_kj)].
   * (Near the box edge the tanh squash packs the tail of each component into the last cells,
   * and the midpoint rule there undercounts: the whole grid's mass is 0.977 for this agent.)
   */
  @Test
  void theMassOfAnInnerBoxIsTheExactMixtureMass() {
    Sac sac = agent(2, 1.0);
    double[] s = {1, 1};
    int n = 300; // cell edges fall on t = -1 + i / 150, so cells 30..269 cover t in [-0.8, 0.8]
    ActionDensity.Grid g = ActionDensity.of(sac, "test", 0, s, n);
    double inner = 0;
    for (int i = 30; i < 270; i++) {
      for (int j = 30; j < 270; j++) {
        inner += g.density()[i * n + j] * g.cellVolume();
      }
    }
    double edge = 0.5 * Math.log(1.8 / 0.2);
    double exact = 0;
    try (GradMode gm = GradMode.noGrad()) {
      Mixture pi = (Mixture) sac.actor().policy(Tensor.of(s.clone(), 1, 2));
      double[] w = pi.weights().toArray();
      double[] mu = pi.latent().means().toArray();
      double[] logSd = pi.latent().logStds().toArray();
      for (int k = 0; k < w.length; k++) {
        double pk = w[k];
        for (int j = 0; j < 2; j++) {
          double sd = Math.exp(logSd[k * 2 + j]);
          pk *= phi((edge - mu[k * 2 + j]) / sd) - phi((-edge - mu[k * 2 + j]) / sd);
        }
        exact += pk;
      }
    }
    assertTrue(exact > 0.3 && exact < 0.99, "a test with mass both inside and outside: " + exact);
    assertEquals(exact, inner, 1e-4);
    assertTrue(g.mass() <= 1 + 1e-9 && g.mass() > inner, "whole grid " + g.mass());
  }

  @Test
  void badInputIsRejectedNamingTheValue() {
    Sac sac = agent(2, 1.0);
    IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
        () -> ActionDensity.of(sac, "Env-v0", 0, new double[] {1}, 10));
    assertTrue(len.getMessage().contains("2 values for Env-v0, got [1.0]"), len.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ActionDensity.of(sac, "Env-v0", 0, null, 10));
    IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
        () -> ActionDensity.of(sac, "Env-v0", 0, new double[] {0, Double.NEGATIVE_INFINITY}, 10));
    assertTrue(inf.getMessage().contains("observation[1]"), inf.getMessage());
    Sac three = agent(3, 1.0);
    IllegalArgumentException dim = assertThrows(IllegalArgumentException.class,
        () -> ActionDensity.of(three, "Three-v0", 0, new double[] {0, 0}, 10));
    assertTrue(dim.getMessage().contains("Three-v0 has 3 action dimensions"), dim.getMessage());
  }
}
