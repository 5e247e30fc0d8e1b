package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.tensor.Tensor;

class EstimatorSpecTest {
  @Test
  void namesAreListedInReportOrder() {
    assertEquals(List.of("rp", "lr", "rplr", "mrp", "gs", "irg"), EstimatorSpec.names());
  }

  @Test
  void nameIsNormalizedAndTheEstimatorCarriesIt() {
    assertEquals("rplr", EstimatorSpec.of(" RP-LR ").name());
    assertEquals("mrp", EstimatorSpec.of("MRP").name());
    for (String n : EstimatorSpec.names()) {
      assertEquals(n, EstimatorSpec.of(n).create().name());
    }
  }

  @Test
  void labelIsTheNameInCapitalsWithRpLrHyphenated() {
    assertEquals("RP-LR", EstimatorSpec.of("rplr").label());
    assertEquals("RP-LR", EstimatorSpec.of("rp-lr").label());
    assertEquals("MRP", EstimatorSpec.of("mrp").label());
    assertEquals("IRG", EstimatorSpec.of("Irg").label());
  }

  @Test
  void unknownNameIsRejectedWithTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EstimatorSpec.of("ppo"));
    assertTrue(e.getMessage().contains("'ppo'"), e.getMessage());
    assertTrue(e.getMessage().contains("rp, lr, rplr, mrp, gs, irg"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EstimatorSpec.of(null));
  }

  @Test
  void optionsReachTheEstimator() {
    EstimatorSpec s = EstimatorSpec.of("mrp").withSamples(3).withSharedNoise(true);
    assertEquals(3 * 4, s.create().criticEvaluationsPerState(4));
    assertTrue(s.options().sharedNoise());
    assertEquals(0.7, EstimatorSpec.of("gs").withTemperature(0.7).options().temperature());
    assertThrows(IllegalArgumentException.class, () -> EstimatorSpec.of("gs").withTemperature(0));
    assertThrows(IllegalArgumentException.class, () -> EstimatorSpec.of("lr").withSamples(0));
  }

  /** The class-level answer agrees with the estimator asked about a built policy. */
  @Test
  void appliesToAgreesWithSupportsOnABuiltPolicy() {
    for (PolicyClass c : PolicyClass.values()) {
      int k = c.mixture() ? 2 : 1;
      Tensor theta = Tensor.zeros(StatelessPolicy.parameterCount(c, k, 1));
      Policy p = StatelessPolicy.of(c, k, 1, theta, 1);
      for (String n : EstimatorSpec.names()) {
        EstimatorSpec s = EstimatorSpec.of(n);
        assertEquals(s.create().supports(p), s.appliesTo(c), n + " on " + c.shortName());
      }
    }
  }

  @Test
  void checkAppliesToNamesClassAndRule() {
    EstimatorSpec.of("lr").checkAppliesTo(PolicyClass.SG);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EstimatorSpec.of("rp").checkAppliesTo(PolicyClass.GM));
    assertTrue(e.getMessage().contains("estimator 'rp' is not valid for policy class 'gm'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("rp applies to g and sg"), e.getMessage());
  }

  @Test
  void perClassDefaults() {
    assertEquals("mrp", EstimatorSpec.defaultFor(PolicyClass.GM).name());
    assertEquals("mrp", EstimatorSpec.defaultFor(PolicyClass.SGM).name());
    assertEquals("rp", EstimatorSpec.defaultFor(PolicyClass.G).name());
    assertEquals("rp", EstimatorSpec.defaultFor(PolicyClass.SG).name());
    assertEquals(5, EstimatorSpec.defaultComponents(PolicyClass.SGM));
    assertEquals(1, EstimatorSpec.defaultComponents(PolicyClass.SG));
    for (PolicyClass c : PolicyClass.values()) {
      assertTrue(EstimatorSpec.defaultFor(c).appliesTo(c), c.shortName());
    }
    assertFalse(EstimatorSpec.of("rp").appliesTo(PolicyClass.SGM));
  }
}
