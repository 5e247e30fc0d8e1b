package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.PolicyClass;

class PolicyDistanceTest {
  private static final BumpsReward TWO_BUMPS = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");

  private static StationaryPoints.Point at(ExactObjective j, double[] theta) {
    return StationaryPoints.point(j, theta, j.value(theta), 0, new double[0],
        StationaryPoints.Type.MAXIMUM, 0, "");
  }

  @Test
  void relabelledComponentsAndShiftedLogitsAreTheSamePolicy() {
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.SGM, 3, 0.5);
    // two components with nearly equal means: sorting by mean alone would pair them wrongly
    double[] theta = j.pack(new double[] {0.2, -0.4, 0.1}, new double[] {0.5, 0.5 + 1e-9, -1},
        new double[] {-1.0, -0.2, -0.7});
    double[] relabelled = j.pack(new double[] {0.1 + 3, -0.4 + 3, 0.2 + 3},
        new double[] {-1, 0.5 + 1e-9, 0.5}, new double[] {-0.7, -0.2, -1.0});
    StationaryPoints.Point a = at(j, theta);
    StationaryPoints.Point b = at(j, relabelled);
    assertEquals(0.0, PolicyDistance.of(a, b), 1e-12);
    assertTrue(StationaryPoints.samePolicy(a, b));
  }

  @Test
  void aComponentMovedByMoreThanTheToleranceIsAnotherPolicy() {
    ExactObjective j = new ExactObjective(TWO_BUMPS, PolicyClass.GM, 2, 0.2);
    double[] theta = j.pack(new double[] {0, 0}, new double[] {-1, 1}, new double[] {-1, -1});
    double[] moved = j.pack(new double[] {0, 0}, new double[] {-1, 1 + 3e-3},
        new double[] {-1, -1});
    double d = PolicyDistance.of(at(j, theta), at(j, moved));
    assertEquals(3e-3, d, 1e-12);
    assertFalse(StationaryPoints.samePolicy(at(j, theta), at(j, moved)), "J differs too");
  }

  @Test
  void theBottleneckAssignmentEqualsTheBruteForceMinimumOverPermutations() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int trial = 0; trial < 200; trial++) {
      int k = 1 + rng.nextInt(6);
      double[][] cost = new double[k][k];
      for (double[] row : cost) {
        for (int c = 0; c < k; c++) {
          row[c] = rng.nextDouble();
        }
      }
      assertEquals(bruteForce(cost, new int[k], new boolean[k], 0), PolicyDistance.bottleneck(cost),
          0.0);
    }
  }

  private static double bruteForce(double[][] cost, int[] perm, boolean[] used, int row) {
    if (row == cost.length) {
      double worst = 0;
      for (int i = 0; i < cost.length; i++) {
        worst = Math.max(worst, cost[i][perm[i]]);
      }
      return worst;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int c = 0; c < cost.length; c++) {
      if (!used[c]) {
        used[c] = true;
        perm[row] = c;
        best = Math.min(best, bruteForce(cost, perm, used, row + 1));
        used[c] = false;
      }
    }
    return best;
  }
}
