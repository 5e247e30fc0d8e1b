package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.policy.Policy;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;
import org.mixrl.testing.PolicyCases;

/** Laws every estimator obeys on every policy it supports, extremes included. */
class EstimatorContractTest {
  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    EstimatorOptions o = EstimatorOptions.defaults().withSamples(2);
    for (PolicyCases.Case c : PolicyCases.oneDimensional(99, 64)) {
      for (String name : EstimatorSpec.names()) {
        Estimator e = new EstimatorSpec(name, o).create();
        Policy probe = StatelessPolicy.of(c.policyClass(), c.components(), 1,
            Tensor.vector(c.theta()), 1);
        if (e.supports(probe)) {
          out.add(Arguments.of(name, c));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void surrogateEntropyAndGradientsAreFiniteAndCostIsAsDeclared(String name, PolicyCases.Case c) {
    Estimator e = new EstimatorSpec(name, EstimatorOptions.defaults().withSamples(2)).create();
    ActionValue q = c.policyClass().squashed() ? EstimatorUnbiasednessTest.BOX_BUMPS
        : EstimatorUnbiasednessTest.TWO_BUMPS;
    int[] evaluations = new int[1];
    ActionValue counting = a -> {
      evaluations[0] += a.size(1);
      return q.evaluate(a);
    };
    Tensor theta = Tensor.vector(c.theta()).requiresGrad(true);
    int batch = 4;
    Surrogate s = e.surrogate(
        StatelessPolicy.of(c.policyClass(), c.components(), 1, theta, batch), counting, 0.5,
        RandomStream.of(c.label().hashCode()));
    s.objective().backward();
    assertTrue(Double.isFinite(s.objective().item()), "objective " + s.objective());
    for (double v : s.entropy().data()) {
      assertTrue(Double.isFinite(v), "entropy " + s.entropy());
    }
    for (double v : theta.grad().data()) {
      assertTrue(Double.isFinite(v), "gradient " + theta.grad());
    }
    assertEquals(e.criticEvaluationsPerState(c.components()), s.criticEvaluationsPerState());
    assertEquals(s.criticEvaluationsPerState(), evaluations[0], "critic evaluations per state");
  }
}
