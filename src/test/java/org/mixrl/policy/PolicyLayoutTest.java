package org.mixrl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mixrl.tensor.Tensor;

class PolicyLayoutTest {
  @Test
  void countIsKTimesOnePlusTwoDForMixturesAndTwoDOtherwise() {
    assertEquals(3 * (1 + 2 * 2), new PolicyLayout(PolicyClass.SGM, 3, 2).count());
    assertEquals(5 * 3, new PolicyLayout(PolicyClass.GM, 5, 1).count());
    assertEquals(2 * 4, new PolicyLayout(PolicyClass.SG, 1, 4).count());
    assertThrows(IllegalArgumentException.class, () -> new PolicyLayout(PolicyClass.G, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new PolicyLayout(PolicyClass.GM, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new PolicyLayout(PolicyClass.GM, 2, 0));
  }

  @Test
  void namesFollowTheLayout() {
    assertArrayEquals(
        new String[] {"logit[0]", "logit[1]", "mean[0,0]", "mean[0,1]", "mean[1,0]", "mean[1,1]",
            "log_std[0,0]", "log_std[0,1]", "log_std[1,0]", "log_std[1,1]"},
        new PolicyLayout(PolicyClass.GM, 2, 2).names());
    assertArrayEquals(new String[] {"mean[0]", "log_std[0]"},
        new PolicyLayout(PolicyClass.SG, 1, 1).names());
  }

  @Test
  void packPutsEachPartWhereTheIndicesAndNamesSay() {
    PolicyLayout l = new PolicyLayout(PolicyClass.SGM, 2, 2);
    double[] theta = l.pack(new double[] {1, 2}, new double[][] {{3, 4}, {5, 6}},
        new double[][] {{7, 8}, {9, 10}});
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, theta);
    assertEquals(5.0, theta[l.meanIndex(1, 0)]);
    assertEquals(8.0, theta[l.logStdIndex(0, 1)]);
    assertEquals("mean[1,0]", l.names()[l.meanIndex(1, 0)]);
    assertArrayEquals(new double[] {0.5, -1}, new PolicyLayout(PolicyClass.G, 1, 1)
        .pack(null, new double[] {0.5}, new double[] {-1}));
    assertThrows(IllegalArgumentException.class,
        () -> l.pack(null, new double[][] {{3, 4}, {5, 6}}, new double[][] {{7, 8}, {9, 10}}));
  }

  /** The built distribution reads each part from the index the layout gives it. */
  @Test
  void policyAndRowsSliceTheSameParts() {
    PolicyLayout l = new PolicyLayout(PolicyClass.GM, 3, 2);
    double[] theta = new double[l.count()];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.1 * (i + 1);
    }
    GaussianMixture one = (GaussianMixture) l.policy(Tensor.vector(theta), 2);
    double[] rows = new double[2 * theta.length];
    System.arraycopy(theta, 0, rows, 0, theta.length);
    System.arraycopy(theta, 0, rows, theta.length, theta.length);
    GaussianMixture fromRows =
        (GaussianMixture) l.policyOfRows(Tensor.of(rows, 2, theta.length), t -> t, null);
    for (int k = 0; k < 3; k++) {
      assertEquals(theta[k], one.logits().toArray()[k]);
      for (int j = 0; j < 2; j++) {
        int at = k * 2 + j;
        assertEquals(theta[l.meanIndex(k, j)], one.means().toArray()[at]);
        assertEquals(theta[l.logStdIndex(k, j)], one.logStds().toArray()[at]);
        assertEquals(theta[l.meanIndex(k, j)], fromRows.means().toArray()[6 + at]);
        assertEquals(theta[l.logStdIndex(k, j)], fromRows.logStds().toArray()[6 + at]);
      }
    }
  }

  /** The slices of a vector and of rows hold the entries the indices name; G has no logits. */
  @Test
  void slicesOfVectorsAndRowsHoldTheIndexedEntries() {
    PolicyLayout l = new PolicyLayout(PolicyClass.SGM, 2, 3);
    double[] theta = new double[l.count()];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 1.5 * i - 4;
    }
    Tensor v = Tensor.vector(theta);
    double[] rows = new double[2 * theta.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = theta[i % theta.length] + (i < theta.length ? 0 : 100);
    }
    Tensor r = Tensor.of(rows, 2, theta.length);
    assertArrayEquals(new int[] {2, 2}, l.logits(r).shape());
    assertArrayEquals(new int[] {2, 6}, l.means(r).shape());
    for (int k = 0; k < 2; k++) {
      assertEquals(theta[l.logitIndex(k)], l.logits(v).toArray()[k]);
      assertEquals(theta[l.logitIndex(k)] + 100, l.logits(r).toArray()[2 + k]);
      for (int j = 0; j < 3; j++) {
        assertEquals(theta[l.meanIndex(k, j)], l.means(v).toArray()[k * 3 + j]);
        assertEquals(theta[l.logStdIndex(k, j)], l.logStds(v).toArray()[k * 3 + j]);
        assertEquals(theta[l.logStdIndex(k, j)] + 100, l.logStds(r).toArray()[6 + k * 3 + j]);
      }
    }
    PolicyLayout g = new PolicyLayout(PolicyClass.G, 1, 2);
    Tensor gv = Tensor.vector(new double[] {1, 2, 3, 4});
    assertArrayEquals(new double[] {1, 2}, g.means(gv).toArray());
    assertArrayEquals(new double[] {3, 4}, g.logStds(gv).toArray());
    assertThrows(IllegalArgumentException.class, () -> g.logits(gv));
    assertThrows(IllegalArgumentException.class, () -> g.logitIndex(0));
  }
}
