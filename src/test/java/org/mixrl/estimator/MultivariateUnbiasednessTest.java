package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * IRG's sequential-conditional construction (and MRP, RP-LR) stay unbiased for a diagonal
 * mixture in two dimensions: exact gradient from a 2-D tensor-product trapezoid rule.
 */
class MultivariateUnbiasednessTest {
  static final ActionValue BUMP_2D = a -> {
    Tensor c = Tensor.vector(0.8, -0.4);
    return a.sub(c).square().sum(2, false).mul(-1 / (2 * 0.36)).exp();
  };
  static final double[] THETA = {0.4, -0.3, -0.9, 0.2, 0.7, -0.5, -0.4, -0.7, -0.2, -0.6};
  static final double ALPHA = 0.25;

  static double[] exactGradient() {
    int n = 401;
    double lo = -6;
    double hi = 6;
    double h = (hi - lo) / (n - 1);
    double[] pts = new double[n * n * 2];
    double[] w = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int p = i * n + j;
        pts[2 * p] = lo + i * h;
        pts[2 * p + 1] = lo + j * h;
        double wi = (i == 0 || i == n - 1) ? 0.5 : 1;
        double wj = (j == 0 || j == n - 1) ? 0.5 : 1;
        w[p] = wi * wj * h * h;
      }
    }
    Tensor theta = Tensor.vector(THETA).requiresGrad(true);
    Policy pi = StatelessPolicy.of(PolicyClass.GM, 2, 2, theta, 1);
    Tensor a = Tensor.of(pts, 1, n * n, 2);
    Tensor logp = pi.logProb(a);
    Tensor f = BUMP_2D.evaluate(a).sub(logp.mul(ALPHA));
    logp.exp().mul(f).mul(Tensor.of(w, 1, n * n)).sum().backward();
    return theta.grad().toArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"irg", "mrp", "rplr"})
  void twoDimensionalMixtureGradientIsUnbiased(String name) {
    double[] exact = exactGradient();
    Estimator e = new EstimatorSpec(name, EstimatorOptions.defaults()).create();
    String[] names = StatelessPolicy.parameterNames(PolicyClass.GM, 2, 2);
    var rows = VarianceStudy.measure(e, th -> StatelessPolicy.of(PolicyClass.GM, 2, 2, th, 16),
        THETA, names, exact, BUMP_2D, ALPHA, 600, RandomStream.of(3 + name.hashCode()), null);
    for (VarianceStudy.Row r : rows) {
      // 4.5 standard errors over 10 parameters x 3 estimators
      assertTrue(Math.abs(r.z()) <= 4.5, name + " " + r);
    }
  }
}
