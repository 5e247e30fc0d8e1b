package org.mixrl.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.policy.PolicyClass;

class VerifyCaseTest {
  @Test
  void everyKitCaseReadsBackFromItsSpec() {
    for (VerifyCase c : CaseSuite.ordinary(5)) {
      assertEquals(c, VerifyCase.parse(c.spec()));
      assertArrayEquals(c.theta(), VerifyCase.parse(c.spec()).theta(), 0);
    }
    for (VerifyCase c : CaseSuite.extremes(5, 8)) {
      assertEquals(c.spec(), VerifyCase.parse(c.spec()).spec());
    }
  }

  @Test
  void theSuiteCoversEveryClassBothDimensionsAndRandomRewards() {
    List<VerifyCase> cases = CaseSuite.ordinary(1);
    for (PolicyClass pc : PolicyClass.values()) {
      for (int d = 1; d <= 2; d++) {
        int dim = d;
        assertTrue(cases.stream().anyMatch(c -> c.policyClass() == pc && c.dim() == dim),
            pc + " in " + d + "-D");
      }
    }
    assertTrue(cases.stream().anyMatch(c -> c.components() == 2 && c.dim() == 1));
    // the seed changes the random cases only
    assertEquals(CaseSuite.ordinary(1).get(0), CaseSuite.ordinary(2).get(0));
    assertTrue(!CaseSuite.ordinary(1).get(4).equals(CaseSuite.ordinary(2).get(4)));
  }

  @Test
  void smallerCasesDropAComponentADimensionHalveTheBatchAndPullParametersToZero() {
    VerifyCase c = new VerifyCase(PolicyClass.GM, 2, 2,
        new double[] {0.4, -0.3, -0.9, 0.2, 0.7, -0.5, -0.4, -0.7, -0.2, -0.6},
        CaseSuite.BUMP_2D, 0.25, 16);
    List<VerifyCase> s = c.smaller();
    // the lighter component (logit -0.3, index 1) is dropped first
    assertEquals(1, s.get(0).components());
    assertArrayEquals(new double[] {0.4, -0.9, 0.2, -0.4, -0.7}, s.get(0).theta(), 0);
    assertArrayEquals(new double[] {-0.3, 0.7, -0.5, -0.2, -0.6}, s.get(1).theta(), 0);
    // 2-D -> 1-D keeps coordinate 0 of each component and of the reward's centre
    VerifyCase oneD = s.get(2);
    assertEquals(1, oneD.dim());
    assertArrayEquals(new double[] {0.4, -0.3, -0.9, 0.7, -0.4, -0.2}, oneD.theta(), 0);
    assertEquals("bumps:1.0@0.8/0.6", oneD.reward().spec());
    assertEquals(8, s.get(3).batch());
    // each parameter set to 0, then all halved
    assertEquals(0.0, s.get(4).theta()[0]);
    assertEquals(-0.3, s.get(4).theta()[1]);
    assertEquals(0.0, s.get(13).theta()[9]);
    assertArrayEquals(new double[] {0.2, -0.15, -0.45, 0.1, 0.35, -0.25, -0.2, -0.35, -0.1, -0.3},
        s.get(14).theta(), 0);
    assertEquals(4 + 10 + 1, s.size());
  }

  @Test
  void badSpecsAndCasesNameTheProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VerifyCase.parse("gm K=2 d=1 alpha=0.2 batch=4 theta=0,0,0 reward=bumps:1@0/1"));
    assertTrue(e.getMessage().contains("needs 6 parameters, got 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> VerifyCase.parse("gm K=1 d=1 alpha=0.2 batch=4 theta=0,0,x reward=bumps:1@0/1"));
    assertTrue(e.getMessage().contains("'theta=0,0,x' is not a number"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> VerifyCase.parse("gm K=1 d=3 alpha=0.2 batch=4 theta=0,0,0 reward=bumps:1@0/1"));
    assertTrue(e.getMessage().contains("must be 1 or 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> VerifyCase.parse("gm K=1 d=1 alpha=0.2 batch=1 theta=0,0,0 reward=bumps:1@0/1"));
    assertTrue(e.getMessage().contains("batch must be >= 2"), e.getMessage());
  }
}
