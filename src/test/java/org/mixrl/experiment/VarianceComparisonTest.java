package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.estimator.VarianceStudy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;

class VarianceComparisonTest {
  private static VarianceComparison study(long seed) {
    return new VarianceComparison(new VarianceComparison.Setup(
        BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3"), new PolicyLayout(PolicyClass.GM, 2, 1),
        new double[] {0, 0.5, -1, 1, -0.5, -0.5}, 0.2, 8, 20, seed));
  }

  /** One seed rule: an estimator's numbers do not depend on which others are measured. */
  @Test
  void anEstimatorsNumbersDoNotDependOnTheOthers() {
    VarianceComparison s = study(4);
    List<VarianceComparison.Result> both =
        s.measureAll(List.of(EstimatorSpec.of("lr"), EstimatorSpec.of("mrp")), null);
    VarianceComparison.Result alone = study(4).measure(EstimatorSpec.of("mrp"), null);
    assertEquals(alone.rows(), both.get(1).rows());
    assertEquals(2 * 1, both.get(1).criticEvaluationsPerState());
  }

  @Test
  void summariesAddUpTheRows() {
    VarianceComparison.Result r = study(5).measure(EstimatorSpec.of("rplr"), null);
    double total = 0;
    double logits = 0;
    double worst = 0;
    for (VarianceStudy.Row row : r.rows()) {
      total += row.variance();
      logits += row.parameter().startsWith("logit") ? row.variance() : 0;
      worst = Math.max(worst, Math.abs(row.z()));
    }
    assertEquals(total, r.totalVariance());
    assertEquals(logits, r.varianceOf("logit"));
    assertEquals(worst, r.maxAbsZ());
    assertEquals(6, r.rows().size());
    assertArrayEquals(study(5).exactGradient(),
        r.rows().stream().mapToDouble(VarianceStudy.Row::exact).toArray());
  }

  @Test
  void badSetupsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new VarianceComparison.Setup(
        BumpsReward.parse("bumps:1.0@1.0/0.3"), new PolicyLayout(PolicyClass.GM, 2, 1),
        new double[5], 0.2, 8, 20, 1));
    assertThrows(IllegalArgumentException.class, () -> new VarianceComparison.Setup(
        BumpsReward.parse("bumps:1.0@1.0/0.3"), new PolicyLayout(PolicyClass.G, 1, 1),
        new double[2], 0.2, 8, 1, 1));
  }
}
