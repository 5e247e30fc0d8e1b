package org.mixrl.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.PolicyRequirement;
import org.mixrl.estimator.EstimatorOptions;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.estimator.Surrogate;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.random.RandomStream;
import org.mixrl.verify.CaseSuite;
import org.mixrl.verify.EstimatorVerifier;
import org.mixrl.verify.VerificationReport;
import org.mixrl.verify.VerifyCase;
import org.mixrl.verify.VerifyConfig;
import org.opentest4j.AssertionFailedError;

class EstimatorVerificationTest {
  static final VerifyCase GM2 = new VerifyCase(PolicyClass.GM, 2, 1,
      new double[] {0.3, -0.2, -1.0, 0.8, -0.6, -0.4}, CaseSuite.TWO_BUMPS, 0.2, 8);

  /** The adapter as a user writes it: MRP on one case at a small budget. */
  @TestFactory
  Stream<DynamicTest> mrpIsVerifiedThroughTheAdapter() {
    return EstimatorVerification.tests(EstimatorSpec.of("mrp").create(),
        GM2, VerifyConfig.quick().withRepeats(50));
  }

  /** MRP claiming one critic evaluation per state although it makes K. */
  static final class CheapClaim implements Estimator {
    final Estimator inner = EstimatorSpec.of("mrp").create();

    @Override
    public String name() {
      return "mrp-cheap-claim";
    }

    @Override
    public PolicyRequirement requirement() {
      return inner.requirement();
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      Surrogate s = inner.surrogate(policy, critic, alpha, rng);
      return new Surrogate(s.objective(), s.entropy(), 1);
    }

    @Override
    public int criticEvaluationsPerState(int components) {
      return 1;
    }
  }

  @Test
  void aFailingCheckBecomesAFailingTestWithTheShrunkCaseAndItsReproduction() throws Throwable {
    VerificationReport r = EstimatorVerifier.verify(new CheapClaim(), List.of(GM2), List.of(),
        VerifyConfig.quick().withRepeats(50));
    List<DynamicTest> tests = EstimatorVerification.tests(r).toList();
    // applicability + unbiasedness, finiteness, cost, determinism on the one case
    assertEquals(5, tests.size());
    DynamicTest cost = tests.stream().filter(t -> t.getDisplayName().startsWith("cost: "))
        .findFirst().orElseThrow();
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> cost.getExecutable().execute());
    assertTrue(e.getMessage().contains("the critic counted 2 per state"), e.getMessage());
    // 50 repeats is neither the default nor the quick budget: no --quick in the options
    assertTrue(e.getMessage().contains("reproduce: mixrl verify-estimator --class "
        + CheapClaim.class.getName() + " --classpath ... --seed 1 --case 'gm K=2 d=1 "),
        e.getMessage());
    assertTrue(e.getMessage().contains("VerifyCase.parse(\"gm K=2 d=1 "), e.getMessage());
    for (DynamicTest t : tests) {
      if (t != cost) {
        t.getExecutable().execute();
      }
    }
  }
}
