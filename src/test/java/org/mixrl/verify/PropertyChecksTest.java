package org.mixrl.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.estimator.EstimatorOptions;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;

/** The cheap checks catch the defects they are for, and shrink them. */
class PropertyChecksTest {
  static final VerifyConfig QUICK = VerifyConfig.quick();

  static VerifyCase gm3() {
    return new VerifyCase(PolicyClass.GM, 3, 1, CaseSuite.MIXTURE_3, CaseSuite.TWO_BUMPS, 0.2, 8);
  }

  @Test
  void anUnderDeclaredCostIsFlaggedWithTheCountsAndShrunkToTwoComponents() {
    PropertyReport r = EstimatorVerifier.checkProperties(
        new BrokenEstimators.UnderDeclaredCost(), List.of(gm3()), QUICK);
    assertFalse(r.passed());
    Counterexample c = r.counterexamples().get(0);
    assertEquals(Check.COST, c.check());
    // with one component the claim of one evaluation per state is true: K = 2 is the smallest
    assertEquals(2, c.shrunk().components());
    assertTrue(c.detail().contains("surrogate reports 1, the critic counted 2 per state"),
        c.detail());
  }

  @Test
  void hiddenRandomnessFailsDeterminism() {
    PropertyReport r = EstimatorVerifier.checkProperties(
        new BrokenEstimators.HiddenRandomness(), List.of(gm3()), QUICK);
    assertEquals(List.of(Check.DETERMINISM),
        r.counterexamples().stream().map(Counterexample::check).toList());
  }

  @Test
  void aNanAtSmallSigmaIsFoundAmongTheExtremes() {
    PropertyReport r = EstimatorVerifier.checkProperties(new BrokenEstimators.NanAtSmallSigma(),
        CaseSuite.extremes(1, 8), QUICK);
    Counterexample c = r.counterexamples().stream().filter(x -> x.check() == Check.FINITENESS)
        .findFirst().orElseThrow(() -> new AssertionError(r.failures()));
    assertTrue(c.detail().contains("NaN"), c.detail());
    // the kit's own RP passes the same cases
    assertTrue(EstimatorVerifier.checkProperties(EstimatorSpec.of("rp").create(), CaseSuite.extremes(1, 8), QUICK).passed());
  }

  @Test
  void theSameSeedGivesTheSameReport() {
    var e = EstimatorSpec.of("mrp").create();
    VerifyConfig small = QUICK.withRepeats(20);
    VerificationReport a = EstimatorVerifier.verify(e, List.of(gm3()), List.of(), small);
    VerificationReport b = EstimatorVerifier.verify(e, List.of(gm3()), List.of(), small);
    assertEquals(a, b);
    VerificationReport c = EstimatorVerifier.verify(e, List.of(gm3()), List.of(),
        small.withSeed(2));
    assertTrue(!a.bias().equals(c.bias()));
  }
}
