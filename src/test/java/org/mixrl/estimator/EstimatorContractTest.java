package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.testing.PolicyCases;
import org.mixrl.verify.CaseSuite;
import org.mixrl.verify.Check;
import org.mixrl.verify.EstimatorVerifier;
import org.mixrl.verify.PropertyReport;
import org.mixrl.verify.VerifyCase;
import org.mixrl.verify.VerifyConfig;

/**
 * Laws every estimator obeys on every policy it supports, extremes included, checked by the
 * verification kit: surrogate, entropy estimate and gradient finite; declared critic cost equal
 * to the surrogate's and to the calls counted at the critic; same seed, same gradient.
 */
class EstimatorContractTest {
  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    EstimatorOptions o = EstimatorOptions.defaults().withSamples(2);
    for (PolicyCases.Case c : PolicyCases.oneDimensional(99, 64)) {
      for (String name : EstimatorSpec.names()) {
        Estimator e = new EstimatorSpec(name, o).create();
        if (e.supports(kitCase(c).policy())) {
          out.add(Arguments.of(name, c));
        }
      }
    }
    return out;
  }

  /** The generated policy with alpha 0.5 and 4 states, on the bump reward of its class. */
  static VerifyCase kitCase(PolicyCases.Case c) {
    return new VerifyCase(c.policyClass(), c.components(), 1, c.theta(),
        c.policyClass().squashed() ? CaseSuite.BOX_BUMPS : CaseSuite.TWO_BUMPS, 0.5, 4);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void surrogateEntropyAndGradientsAreFiniteAndCostIsAsDeclared(String name, PolicyCases.Case c) {
    Estimator e = EstimatorSpec.of(name).withSamples(2).create();
    PropertyReport r = EstimatorVerifier.checkProperties(e, List.of(kitCase(c)),
        VerifyConfig.quick().withSeed(c.label().hashCode()));
    assertEquals(3, r.results().size(), "finiteness, cost and determinism ran");
    for (Check check : List.of(Check.FINITENESS, Check.COST, Check.DETERMINISM)) {
      assertTrue(r.results().stream().anyMatch(x -> x.check() == check), check.label());
    }
    assertTrue(r.passed(), r.failures());
  }
}
