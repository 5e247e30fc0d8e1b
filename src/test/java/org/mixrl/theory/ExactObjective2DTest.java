package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;
import org.mixrl.testing.RandomCases;

class ExactObjective2DTest {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double HALF_LOG_2PI_E = 0.5 * Math.log(2 * Math.PI * Math.E);
  /** Two 2-D bumps: H, C, W. */
  private static final double[][] BUMPS = {{1.0, 0.5, -0.2, 0.3}, {0.7, -0.6, 0.4, 0.5}};
  private static final BumpsReward TWO_BUMPS_2D =
      BumpsReward.parse("bumps:1.0@0.5;-0.2/0.3,0.7@-0.6;0.4/0.5");

  /** E[H exp(-|a-C|^2/(2W^2))] under N(mu, diag sigma^2): a product of 1-D factors. */
  private static double bumpsMean(double[] mu, double[] sigma) {
    double total = 0;
    for (double[] b : BUMPS) {
      double e = b[0];
      for (int j = 0; j < 2; j++) {
        double w = b[3];
        double s2 = w * w + sigma[j] * sigma[j];
        double d = mu[j] - b[1 + j];
        e *= w / Math.sqrt(s2) * Math.exp(-d * d / (2 * s2));
      }
      total += e;
    }
    return total;
  }

  private static double closedFormJ(double[] theta, double alpha) {
    double[] mu = {theta[0], theta[1]};
    double[] sigma = {Math.exp(theta[2]), Math.exp(theta[3])};
    return bumpsMean(mu, sigma) + alpha * (2 * HALF_LOG_2PI_E + theta[2] + theta[3]);
  }

  @Test
  void gaussianExpectedRewardEntropyAndGradientHaveTheirClosedForms() {
    ExactObjective2D j = new ExactObjective2D(TWO_BUMPS_2D, PolicyClass.G, 1, 0.3);
    double[][] thetas = {
      {0.2, -0.1, Math.log(0.5), Math.log(0.3)},
      {-0.4, 0.7, Math.log(0.2), Math.log(0.45)},
      {1.5, -2.0, Math.log(0.05), Math.log(0.5)},
      {0.0, 0.0, -4, -1},
    };
    for (double[] p : thetas) {
      Tensor theta = Tensor.vector(p);
      double[] mu = {p[0], p[1]};
      double[] sigma = {Math.exp(p[2]), Math.exp(p[3])};
      double er = bumpsMean(mu, sigma);
      double h = 2 * HALF_LOG_2PI_E + p[2] + p[3];
      assertEquals(er, j.expectedReward(theta).item(), 1e-10, "E[r] at " + List.of(p));
      assertEquals(h, j.entropy(theta).item(), 1e-10, "entropy at " + List.of(p));
      assertEquals(er + 0.3 * h, j.value(p), 1e-10);
      double[] g = j.gradient(p);
      for (int i = 0; i < 4; i++) {
        double step = 1e-5;
        double[] q = p.clone();
        q[i] += step;
        double fp = closedFormJ(q, 0.3);
        q[i] -= 2 * step;
        double fm = closedFormJ(q, 0.3);
        assertEquals((fp - fm) / (2 * step), g[i], 1e-8, "dJ/dtheta[" + i + "]");
      }
    }
  }

  /**
   * J and its gradient by an independent rule: trapezoid on a 481 x 481 grid over [-6, 6]^2 in
   * the latent, with the density written out here (log-sum-exp of diagonal Gaussians, the tanh
   * correction as log(1 - tanh(u)^2), safe for |u| <= 6) rather than taken from the policy package.
   */
  static double[] trapezoid(PolicyClass c, int k, double[] thetaValues, double alpha) {
    int n = 481;
    double lo = -6;
    double h = 12.0 / (n - 1);
    int m = n * n;
    double[] pts = new double[m * 2];
    double[] w = new double[m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int p = i * n + j;
        pts[2 * p] = lo + i * h;
        pts[2 * p + 1] = lo + j * h;
        w[p] = ((i == 0 || i == n - 1) ? 0.5 : 1) * ((j == 0 || j == n - 1) ? 0.5 : 1) * h * h;
      }
    }
    try (GradMode g = GradMode.enableGrad()) {
      Tensor theta = Tensor.vector(thetaValues).requiresGrad(true);
      Tensor u = Tensor.of(pts, m, 1, 2);
      Tensor logW = theta.narrow(0, 0, k).reshape(1, k).logSoftmax(1); // [1, K]
      Tensor mu = theta.narrow(0, k, 2 * k).reshape(1, k, 2);
      Tensor ls = theta.narrow(0, 3 * k, 2 * k).reshape(1, k, 2);
      Tensor z = u.sub(mu).div(ls.exp());
      Tensor perComp = z.square().mul(-0.5).sub(ls).sub(0.5 * LOG_2PI).sum(2, false); // [m, K]
      Tensor logQ = perComp.add(logW).logsumexp(1, false); // [m]
      Tensor a = Tensor.of(pts, m, 2);
      Tensor logPi = logQ;
      if (c.squashed()) {
        Tensor t = a.tanh();
        logPi = logQ.sub(t.square().neg().add(1).log().sum(1, false));
        a = t;
      }
      Tensor f = TWO_BUMPS_2D.evaluate(a).sub(logPi.mul(alpha));
      Tensor j = logQ.exp().mul(f).mul(Tensor.vector(w)).sum();
      j.backward();
      double[] out = new double[thetaValues.length + 1];
      out[0] = j.item();
      System.arraycopy(theta.grad().toArray(), 0, out, 1, thetaValues.length);
      return out;
    }
  }

  @ParameterizedTest
  @EnumSource(value = PolicyClass.class, names = {"GM", "SGM"})
  void mixtureObjectiveAndGradientMatchAFineTrapezoidGrid(PolicyClass c) {
    ExactObjective2D j = new ExactObjective2D(TWO_BUMPS_2D, c, 3, 0.25);
    double[] theta = j.pack(
        new double[] {0.4, -0.3, 0.1},
        new double[][] {{0.5, -0.1}, {-0.7, 0.5}, {0.1, 0.9}},
        new double[][] {{-1.0, -0.8}, {-0.9, -1.2}, {-0.7, -1.0}});
    double[] ref = trapezoid(c, 3, theta, 0.25);
    // measured at n = 64: |dJ| <= 1e-10, max |d grad| = 6.4e-9
    assertEquals(ref[0], j.value(theta), 1e-7, "J");
    double[] g = j.gradient(theta);
    for (int i = 0; i < theta.length; i++) {
      assertEquals(ref[1 + i], g[i], 1e-7, j.parameterNames()[i]);
    }
  }

  /** One random case: a class, K, and theta. */
  record Case(PolicyClass policyClass, int components, double[] theta, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * 8 cases (seed 2026): each class twice, K in 2..3 for mixtures; means in [-1.2, 1.2], log
   * sigma in [-1.6, -0.4] (within the rule's accurate range, sigma <= 2.2 W), logits in [-2, 2].
   */
  static List<Case> randomThetas() {
    long seed = 2026;
    return RandomCases.generate(seed, 8, (rng, i) -> {
      PolicyClass c = PolicyClass.values()[i % 4];
      int k = c.mixture() ? RandomCases.intIn(rng, 2, 3) : 1;
      ExactObjective2D j = new ExactObjective2D(TWO_BUMPS_2D, c, k, 0.3);
      double[] theta = new double[j.parameterCount()];
      int logits = c.mixture() ? k : 0;
      for (int p = 0; p < theta.length; p++) {
        boolean logStd = p >= logits + 2 * k;
        theta[p] = p < logits ? rng.uniform(-2, 2)
            : logStd ? rng.uniform(-1.6, -0.4) : rng.uniform(-1.2, 1.2);
      }
      return new Case(c, k, theta, RandomCases.id(seed, i) + " " + c + " K=" + k);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("randomThetas")
  void gradientMatchesCentralDifferences(Case x) {
    ExactObjective2D j = new ExactObjective2D(TWO_BUMPS_2D, x.policyClass(), x.components(), 0.3);
    GradCheck.Result r = GradCheck.check(in -> j.objective(in[0]), Tensor.vector(x.theta()));
    assertTrue(r.passed(1e-7), x.label() + ": " + r);
  }

  /** r(a) = r1(a1) + r2(a2), or r1(a1) r2(a2) when {@code product}. */
  record Separable(Reward r1, Reward r2, boolean product) implements Reward {
    @Override
    public Tensor evaluate(Tensor a) {
      int n = a.size(0);
      Tensor x = r1.evaluate(a.narrow(1, 0, 1).reshape(n, 1));
      Tensor y = r2.evaluate(a.narrow(1, 1, 1).reshape(n, 1));
      return product ? x.mul(y) : x.add(y);
    }

    @Override
    public double value(double... a) {
      return product ? r1.value(a[0]) * r2.value(a[1]) : r1.value(a[0]) + r2.value(a[1]);
    }

    @Override
    public int dim() {
      return 2;
    }

    @Override
    public double lowerBound() {
      return product ? 0 : r1.lowerBound() + r2.lowerBound();
    }

    @Override
    public double upperBound() {
      return product ? r1.upperBound() * r2.upperBound() : r1.upperBound() + r2.upperBound();
    }
  }

  /**
   * Consistency with the 1-D code. For pi = pi1 x pi2 (G, or SG: the tanh Jacobian is diagonal,
   * so log pi(a) = log pi1(a1) + log pi2(a2)) the entropy is H1 + H2. With r = r1 + r2:
   * J = E1[r1] + E2[r2] + alpha (H1 + H2) = J1(r1) + J1(r2), since each 1-D objective carries
   * its own alpha H_j: the entropy correction is exactly 0 (counting alpha H once would be off by
   * alpha H of the other axis). With r = r1 r2: E[r] = E1[r1] E2[r2], and
   * J = E1[r1] E2[r2] + (J1(r1) - E1[r1]) + (J1(r2) - E2[r2]). The gradient splits too:
   * dJ/d(mu_j, logStd_j) is the 1-D gradient on axis j.
   */
  @ParameterizedTest
  @EnumSource(value = PolicyClass.class, names = {"G", "SG"})
  void separableRewardAgreesWithTwoOneDimensionalObjectives(PolicyClass c) {
    BumpsReward r1 = BumpsReward.parse("bumps:1.0@0.4/0.3,0.6@-0.7/0.5");
    BumpsReward r2 = BumpsReward.parse("bumps:0.8@-0.2/0.4");
    double alpha = 0.35;
    ExactObjective2D sum = new ExactObjective2D(new Separable(r1, r2, false), c, 1, alpha);
    ExactObjective2D prod = new ExactObjective2D(new Separable(r1, r2, true), c, 1, alpha);
    ExactObjective j1 = new ExactObjective(r1, c, 1, alpha);
    ExactObjective j2 = new ExactObjective(r2, c, 1, alpha);
    double[][] thetas = {{0.1, -0.3, Math.log(0.5), Math.log(0.4)}, {-0.6, 0.5, -2.5, -1.2}};
    // r(tanh u) converges more slowly in n: measured 1.1e-9 for SG at n = 64 (1e-12 at n = 96)
    double tol = c.squashed() ? 1e-8 : 1e-10;
    for (double[] p : thetas) {
      double[] t1 = {p[0], p[2]};
      double[] t2 = {p[1], p[3]};
      double e1 = j1.expectedReward(Tensor.vector(t1)).item();
      double e2 = j2.expectedReward(Tensor.vector(t2)).item();
      double h1 = j1.entropy(Tensor.vector(t1)).item();
      double h2 = j2.entropy(Tensor.vector(t2)).item();
      double jSum = j1.value(t1) + j2.value(t2);
      assertEquals(jSum, sum.value(p), tol, c + " J(r1 + r2)");
      assertEquals(h1 + h2, sum.entropy(Tensor.vector(p)).item(), 1e-10, c + " H1 + H2");
      assertEquals(e1 * e2, prod.expectedReward(Tensor.vector(p)).item(), tol, c + " E[r1 r2]");
      assertEquals(e1 * e2 + (j1.value(t1) - e1) + (j2.value(t2) - e2), prod.value(p), tol);
      double[] g = sum.gradient(p);
      double[] g1 = j1.gradient(t1);
      double[] g2 = j2.gradient(t2);
      double[] expected = {g1[0], g2[0], g1[1], g2[1]};
      for (int i = 0; i < 4; i++) {
        assertEquals(expected[i], g[i], 10 * tol, c + " gradient " + sum.parameterNames()[i]);
      }
    }
  }

  @Test
  void mixtureOfIdenticalComponentsIsTheGaussianAndLogitShiftsAreFree() {
    ExactObjective2D gm = new ExactObjective2D(TWO_BUMPS_2D, PolicyClass.SGM, 2, 0.4);
    ExactObjective2D g = new ExactObjective2D(TWO_BUMPS_2D, PolicyClass.SG, 1, 0.4);
    double[] same = gm.pack(new double[] {0.3, -1.1},
        new double[][] {{0.5, -0.2}, {0.5, -0.2}}, new double[][] {{-1, -0.5}, {-1, -0.5}});
    assertEquals(g.value(new double[] {0.5, -0.2, -1, -0.5}), gm.value(same), 1e-12);
    double[] grad = gm.gradient(same);
    assertEquals(0.0, grad[0] + grad[1], 1e-12, "J is invariant to shifting all logits");
    double[][] hess = gm.hessian(same);
    for (int i = 0; i < same.length; i++) {
      assertEquals(0.0, hess[i][0] + hess[i][1], 1e-8, "Hessian row " + i + " along a shift");
    }
  }

  @Test
  void rejectsBadArguments() {
    BumpsReward oneD = BumpsReward.parse("bumps:1.0@0.5/0.3");
    assertThrows(IllegalArgumentException.class,
        () -> new ExactObjective2D(oneD, PolicyClass.G, 1, 0.1));
    assertThrows(IllegalArgumentException.class,
        () -> new ExactObjective2D(TWO_BUMPS_2D, PolicyClass.SG, 2, 0.1));
    assertThrows(IllegalArgumentException.class,
        () -> new ExactObjective2D(TWO_BUMPS_2D, PolicyClass.GM, 2, 0.1, 181));
    ExactObjective2D gm = new ExactObjective2D(TWO_BUMPS_2D, PolicyClass.GM, 2, 0.1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> gm.value(new double[] {1, 2, 3, 4}));
    assertTrue(e.getMessage().contains("logits[2], means[2*2]"), e.getMessage());
  }
}
