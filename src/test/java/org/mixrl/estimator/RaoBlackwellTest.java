package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.policy.MixtureDiagnostics;
import org.mixrl.policy.Mixture;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;
import org.mixrl.testing.PolicyCases;
import org.mixrl.verify.CaseSuite;
import org.mixrl.verify.GradientDraws;
import org.mixrl.verify.VerifyCase;

/**
 * MRP is the Rao-Blackwellization of RP-LR over the component index, so the variance of its
 * logit gradient cannot exceed RP-LR's (same baseline, one draw per state). Variances are
 * measured with the verification kit's {@link GradientDraws}.
 */
class RaoBlackwellTest {
  static final int REPEATS = 400;
  static final int BATCH = 8;

  static List<PolicyCases.Case> mixtures() {
    return PolicyCases.oneDimensional(7, 48).stream()
        .filter(c -> c.policyClass().mixture() && c.components() > 1
            && !c.label().contains("extreme"))
        .collect(Collectors.toList());
  }

  /** Per-logit gradient variances over REPEATS batches, measured by the verification kit. */
  static double[] logitVariances(Estimator est, PolicyCases.Case c, long seed) {
    int k = c.components();
    VerifyCase vc = new VerifyCase(c.policyClass(), k, 1, c.theta(),
        c.policyClass().squashed() ? CaseSuite.BOX_BUMPS : CaseSuite.TWO_BUMPS, 0.3, BATCH);
    GradientDraws d = GradientDraws.of(est, vc, REPEATS, RandomStream.of(seed));
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = d.variance(i);
    }
    return v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mixtures")
  void mrpLogitGradientVarianceIsAtMostRpLrs(PolicyCases.Case c) {
    double[] mrp = logitVariances(new MarginalizedReparameterization(1, false), c, 1);
    double[] rplr = logitVariances(new ReparameterizedLikelihoodRatio(1, Baseline.none()), c, 2);
    // Each variance estimate has relative SE ~ sqrt(2/(R-1)) (Gaussian approximation); allow
    // 4 of those for the ratio, so the test fails only on a real violation.
    double slack = 1 + 4 * Math.sqrt(2.0 / (REPEATS - 1)) * Math.sqrt(2);
    for (int i = 0; i < mrp.length; i++) {
      assertTrue(mrp[i] <= rplr[i] * slack,
          c + ": logit " + i + " MRP variance " + mrp[i] + " > RP-LR " + rplr[i]);
    }
  }

  @Test
  void effectiveComponentsRangeFromOneToK() {
    Tensor collapsed = Tensor.vector(0, -40, -40, 0, 1, 2, 0, 0, 0);
    Mixture u = (Mixture) StatelessPolicy.of(PolicyClass.GM, 4, 1,
        Tensor.vector(0, 0, 0, 0, -1, 0, 1, 2, 0, 0, 0, 0), 1);
    Mixture one = (Mixture) StatelessPolicy.of(PolicyClass.GM, 3, 1, collapsed, 1);
    assertEquals(4.0, MixtureDiagnostics.meanEffectiveComponents(u), 1e-12);
    assertEquals(1.0, MixtureDiagnostics.meanEffectiveComponents(one), 1e-12);
    // identical components overlap fully; components 6 sigma apart almost not at all
    Mixture two = (Mixture) StatelessPolicy.of(PolicyClass.GM, 2, 1,
        Tensor.vector(0, 0, 0, 6, 0, 0), 1);
    assertEquals(Math.exp(-36.0 / 8), MixtureDiagnostics.bhattacharyya(two, 0, 0, 1), 1e-12);
    Mixture same = (Mixture) StatelessPolicy.of(PolicyClass.GM, 2, 1,
        Tensor.vector(0, 0, 1, 1, -0.3, -0.3), 1);
    assertEquals(1.0, MixtureDiagnostics.bhattacharyya(same, 0, 0, 1), 1e-12);
  }
}
