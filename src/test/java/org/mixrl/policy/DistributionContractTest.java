package org.mixrl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;
import org.mixrl.testing.PolicyCases;

/** Laws every policy class obeys, over generated parameters including extremes. */
class DistributionContractTest {
  static List<PolicyCases.Case> cases() {
    return PolicyCases.oneDimensional(42, 96);
  }

  private static Policy policy(PolicyCases.Case c, Tensor theta) {
    return StatelessPolicy.of(c.policyClass(), c.components(), 1, theta, 1);
  }

  /** log of the latent density q(u) = pi(a(u)) |da/du|, [n]. */
  private static double[] logLatentDensity(PolicyCases.Case c, double[] u) {
    try (GradMode g = GradMode.noGrad()) {
      Policy pi = policy(c, Tensor.vector(c.theta()));
      Tensor ut = Tensor.of(u, 1, u.length, 1);
      double[] lp = pi.logProbOfLatent(ut).toArray();
      if (c.policyClass().squashed()) {
        for (int i = 0; i < u.length; i++) {
          // log(1 - tanh(u)^2) in the stable form, computed independently here
          double x = u[i];
          lp[i] += 2 * (Math.log(2) - x - (Math.max(-2 * x, 0) + Math.log1p(Math.exp(-Math.abs(2 * x)))));
        }
      }
      return lp;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void densityIntegratesToOne(PolicyCases.Case c) {
    // a grid that resolves every component: 4001 points across mu_k +- 12 sigma_k each
    int k = c.components();
    double[] th = c.theta();
    int off = c.policyClass().mixture() ? k : 0;
    TreeSet<Double> pts = new TreeSet<>();
    for (int q = 0; q < k; q++) {
      double mu = th[off + q];
      double s = Math.exp(th[off + k + q]);
      for (int i = 0; i <= 4000; i++) {
        pts.add(mu - 12 * s + 24 * s * i / 4000.0);
      }
    }
    double[] u = pts.stream().mapToDouble(Double::doubleValue).toArray();
    double[] lp = logLatentDensity(c, u);
    double integral = 0;
    for (int i = 1; i < u.length; i++) {
      integral += 0.5 * (Math.exp(lp[i]) + Math.exp(lp[i - 1])) * (u[i] - u[i - 1]);
    }
    assertEquals(1.0, integral, 1e-5, c.label());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logProbAndItsGradientsAreFiniteAtSamplesAndAtTheEdges(PolicyCases.Case c) {
    RandomStream rng = RandomStream.of(c.label().hashCode());
    Tensor theta = Tensor.vector(c.theta()).requiresGrad(true);
    Policy pi = policy(c, theta);
    Tensor a = pi.sample(rng, 64);
    double[] extra = c.policyClass().squashed()
        ? new double[] {1 - 1e-12, -(1 - 1e-12), 0.0}
        : new double[] {1e3, -1e3, 0.0};
    Tensor actions = Tensor.cat(1, a, Tensor.of(extra, 1, 3, 1));
    Tensor lp = pi.logProb(actions);
    for (double v : lp.data()) {
      assertTrue(Double.isFinite(v), c.label() + ": logProb " + Arrays.toString(lp.data()));
    }
    lp.sum().backward();
    for (double v : theta.grad().data()) {
      assertTrue(Double.isFinite(v), c.label() + ": gradient " + theta.grad());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logProbOfTheActionAgreesWithLogProbOfTheLatent(PolicyCases.Case c) {
    try (GradMode g = GradMode.noGrad()) {
      Policy pi = policy(c, Tensor.vector(c.theta()));
      double[] u = {-8, -3, -0.5, 0, 0.7, 2.5, 8};
      Tensor ut = Tensor.of(u, 1, u.length, 1);
      double[] viaAction = pi.logProb(pi.toAction(ut)).toArray();
      double[] viaLatent = pi.logProbOfLatent(ut).toArray();
      for (int i = 0; i < u.length; i++) {
        if (viaLatent[i] < -600) {
          continue; // both underflow-deep in a tail; compare where the density is representable
        }
        // inverting tanh near +-1 loses ~|u| / ln 2 bits relative to the latent path
        double tol = 1e-6 * Math.max(1, Math.abs(viaLatent[i])) * Math.exp(Math.abs(u[i]));
        assertEquals(viaLatent[i], viaAction[i], tol, c.label() + " at u=" + u[i]);
      }
    }
  }
}
