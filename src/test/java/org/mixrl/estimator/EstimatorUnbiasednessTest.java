package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.GaussianMixture;
import org.mixrl.policy.Normal;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.SquashedGaussianMixture;
import org.mixrl.policy.SquashedNormal;
import org.mixrl.policy.TanhSquash;
import org.mixrl.tensor.Tensor;
import org.mixrl.verify.CaseSuite;
import org.mixrl.verify.Check;
import org.mixrl.verify.EstimatorVerifier;
import org.mixrl.verify.VerificationReport;
import org.mixrl.verify.VerifyCase;
import org.mixrl.verify.VerifyConfig;

/**
 * Each unbiased estimator's sample mean over many independent batches lies within a stated
 * number of standard errors of the exact gradient, checked through the verification kit
 * (org.mixrl.verify). The kit's exact gradient (composite quadrature) is itself checked against
 * an independent 40001-point trapezoid grid ({@link GridObjective}).
 */
class EstimatorUnbiasednessTest {
  /** Two-bump reward r(a) = exp(-(a-1)^2/(2*0.3^2)) + 0.8 exp(-(a+1)^2/(2*0.3^2)). */
  static final ActionValue TWO_BUMPS =
      a -> a.sub(1).square().mul(-1 / (2 * 0.09)).exp()
          .add(a.add(1).square().mul(-1 / (2 * 0.09)).exp().mul(0.8))
          .sum(2, false);

  /** Squashed rewards live on (-1, 1): bumps at +-0.5, width 0.3. */
  static final ActionValue BOX_BUMPS =
      a -> a.sub(0.5).square().mul(-1 / (2 * 0.09)).exp()
          .add(a.add(0.5).square().mul(-1 / (2 * 0.09)).exp().mul(0.8))
          .sum(2, false);

  static final double ALPHA = 0.2;
  static final int BATCH = 16;
  static final int REPEATS = 600;
  /**
   * The largest z-score threshold allowed: the kit's Holm threshold (family-wise false-alarm
   * rate 0.001 over the parameters of one estimator's cases) must not exceed it.
   */
  static final double Z_MAX = 4.5;
  static final VerifyConfig KIT =
      VerifyConfig.defaults().withRepeats(REPEATS).withReferenceVariance(false)
          .withSeed(20261125L);

  static final double[] MIXTURE = {0.3, -0.2, 0.0, -1.2, 0.1, 0.9, -0.6, -0.3, -0.9};

  /** The kit case of the policy class (g, sg, gm, sgm) this test has always used. */
  static VerifyCase kitCase(String policy) {
    PolicyClass pc = PolicyClass.parse(policy);
    double[] theta = pc.mixture() ? MIXTURE
        : new double[] {pc.squashed() ? 0.3 : 0.4, -0.5};
    return new VerifyCase(pc, pc.mixture() ? 3 : 1, 1, theta,
        pc.squashed() ? CaseSuite.BOX_BUMPS : CaseSuite.TWO_BUMPS, ALPHA, BATCH);
  }

  static Stream<Arguments> cases() {
    EstimatorOptions o = EstimatorOptions.defaults();
    return Stream.of(
        Arguments.of("rp", List.of("g", "sg"), o),
        Arguments.of("lr", List.of("g", "gm", "sgm"), o),
        Arguments.of("lr", List.of("gm"), o.withSamples(4).withBaseline(Baseline.leaveOneOut())),
        Arguments.of("rplr", List.of("gm", "sgm"), o),
        Arguments.of("mrp", List.of("gm", "sgm"), o),
        Arguments.of("mrp", List.of("gm"), o.withSharedNoise(true)),
        Arguments.of("irg", List.of("gm", "sgm"), o));
  }

  @ParameterizedTest(name = "{0} on {1} ({2})")
  @MethodSource("cases")
  void sampleMeanIsWithinStandardErrorsOfTheExactGradient(
      String estimatorName, List<String> policies, EstimatorOptions options) {
    VerificationReport r = EstimatorVerifier.verify(new EstimatorSpec(estimatorName, options).create(),
        policies.stream().map(EstimatorUnbiasednessTest::kitCase).toList(), List.of(), KIT);
    assertEquals(policies.size(), r.ordinaryCases().size(), "every case applies");
    assertTrue(r.criticalZ() <= Z_MAX, "kit threshold " + r.criticalZ());
    assertTrue(r.results(Check.UNBIASEDNESS).stream().allMatch(x -> x.passed()), r.table());
    assertTrue(r.maxAbsZ() <= r.criticalZ(), r.table());
    assertTrue(r.passed(), r.table());
  }

  /** The same check has power: Gumbel-softmax at temperature 1 is flagged. */
  @Test
  void gumbelSoftmaxBiasIsDetected() {
    VerificationReport r = EstimatorVerifier.verify(
        EstimatorSpec.of("gs").withTemperature(1.0).create(),
        List.of(kitCase("gm")), List.of(), KIT.withShrinkAttempts(0));
    assertFalse(r.passed(), r.table());
    assertTrue(r.maxAbsZ() > Z_MAX, "expected a detectable GS bias, max |z| = " + r.maxAbsZ());
  }

  /** The kit's quadrature gradient agrees with the independent trapezoid grid. */
  @ParameterizedTest
  @ValueSource(strings = {"g", "sg", "gm", "sgm"})
  void kitExactGradientMatchesTheIndependentGrid(String policy) {
    VerifyCase c = kitCase(policy);
    boolean squashed = c.policyClass().squashed();
    Function<Tensor[], Policy> one = switch (policy) {
      case "g" -> g(1);
      case "sg" -> sg(1);
      case "gm" -> gm(1);
      default -> sgm(1);
    };
    double[] grid = GridObjective.gradient(one, squashed, split(c), squashed ? BOX_BUMPS : TWO_BUMPS,
        ALPHA, squashed ? -12 : -9, squashed ? 12 : 9, 40001);
    double[] kit = c.exactGradient();
    assertEquals(grid.length, kit.length);
    for (int j = 0; j < kit.length; j++) {
      // both rules are far more accurate than this; 1e-7 is ~1e-4 of the smallest SE above
      assertEquals(grid[j], kit[j], 1e-7, policy + " parameter " + j);
    }
  }

  private static Tensor[] split(VerifyCase c) {
    double[] t = c.theta();
    if (!c.policyClass().mixture()) {
      return new Tensor[] {Tensor.vector(t[0]), Tensor.vector(t[1])};
    }
    int k = c.components();
    return new Tensor[] {Tensor.vector(java.util.Arrays.copyOfRange(t, 0, k)),
        Tensor.vector(java.util.Arrays.copyOfRange(t, k, 2 * k)),
        Tensor.vector(java.util.Arrays.copyOfRange(t, 2 * k, 3 * k))};
  }

  static Function<Tensor[], Policy> gm(int batch) {
    return p -> new GaussianMixture(
        p[0].reshape(1, -1).expand(batch, p[0].numel()),
        p[1].reshape(1, -1, 1).expand(batch, p[1].numel(), 1),
        p[2].reshape(1, -1, 1).expand(batch, p[2].numel(), 1));
  }

  static Function<Tensor[], Policy> sgm(int batch) {
    return p -> new SquashedGaussianMixture(
        (GaussianMixture) gm(batch).apply(p), new TanhSquash(ActionBox.unit(1)));
  }

  static Function<Tensor[], Policy> g(int batch) {
    return p -> new Normal(p[0].reshape(1, 1).expand(batch, 1), p[1].reshape(1, 1).expand(batch, 1));
  }

  static Function<Tensor[], Policy> sg(int batch) {
    return p -> new SquashedNormal((Normal) g(batch).apply(p), new TanhSquash(ActionBox.unit(1)));
  }
}
