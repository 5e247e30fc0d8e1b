package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.random.RandomStream;

/** The fused tanh squash and its log-det-Jacobian against their composed forms. */
class SquashOpsTest {
  private static final double[] CENTRE = {0.5, -1};
  private static final double[] HALF = {2, 0.25};
  private static final double LOG_HALF_SUM = Math.log(2) + Math.log(0.25);

  private static Tensor composedSquash(Tensor u) {
    return u.tanh().mul(Tensor.vector(HALF)).add(Tensor.vector(CENTRE));
  }

  private static Tensor composedLogDet(Tensor u) {
    Tensor perDim = u.neg().sub(u.mul(-2).softplus()).add(Math.log(2)).mul(2);
    return perDim.sum(u.rank() - 1, false).add(LOG_HALF_SUM);
  }

  @Test
  void valuesEqualTheComposedFormsBitForBit() {
    Tensor u = Tensor.randn(RandomStream.of(21), 3, 4, 2).mul(3);
    assertArrayEquals(composedSquash(u).toArray(),
        SquashOps.tanhToBox(u, CENTRE, HALF).toArray(), 0.0);
    assertArrayEquals(composedLogDet(u).toArray(),
        SquashOps.tanhLogAbsDetJacobian(u, LOG_HALF_SUM).toArray(), 0.0);
  }

  @Test
  void logDetEqualsTheDirectFormulaAndStaysFiniteFarOut() {
    Tensor u = Tensor.of(new double[] {0.3, -1.2, 40, -40}, 2, 2);
    double[] ld = SquashOps.tanhLogAbsDetJacobian(u, LOG_HALF_SUM).toArray();
    double direct = LOG_HALF_SUM + Math.log(1 - Math.pow(Math.tanh(0.3), 2))
        + Math.log(1 - Math.pow(Math.tanh(-1.2), 2));
    assertEquals(direct, ld[0], 1e-14);
    // log(1 - tanh(40)^2) = log(4) - 80 + O(e^-80)
    assertEquals(LOG_HALF_SUM + 2 * (Math.log(4) - 80), ld[1], 1e-12);
  }

  @Test
  void backwardMatchesCentralDifferences() {
    RandomStream rng = RandomStream.of(22);
    Tensor u = Tensor.randn(rng, 3, 2, 2);
    Tensor up = Tensor.randn(rng, 3, 2, 2);
    GradCheck.Result squash =
        GradCheck.check(t -> SquashOps.tanhToBox(t[0], CENTRE, HALF).mul(up).sum(), u);
    assertTrue(squash.passed(1e-6), squash.toString());
    Tensor up2 = Tensor.randn(rng, 3, 2);
    GradCheck.Result logDet =
        GradCheck.check(t -> SquashOps.tanhLogAbsDetJacobian(t[0], LOG_HALF_SUM).mul(up2).sum(), u);
    assertTrue(logDet.passed(1e-6), logDet.toString());
  }

  @Test
  void squashGradientEqualsTheComposedFormBitForBit() {
    Tensor u = Tensor.randn(RandomStream.of(23), 4, 2);
    Tensor up = Tensor.randn(RandomStream.of(24), 4, 2);
    double[][] fused =
        GradCheck.analyticGradients(t -> SquashOps.tanhToBox(t[0], CENTRE, HALF).mul(up).sum(), u);
    double[][] composed = GradCheck.analyticGradients(t -> composedSquash(t[0]).mul(up).sum(), u);
    assertArrayEquals(composed[0], fused[0], 0.0);
  }

  @Test
  void mismatchedBoxIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SquashOps.tanhToBox(Tensor.zeros(2, 3), CENTRE, HALF));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("size 2"),
        e.getMessage());
  }

  @Test
  void tanhIsStrictMathsOnEveryJdk() {
    // Temurin 25's Math.tanh intrinsic differs from fdlibm in the last bit for some arguments;
    // the ops use StrictMath.tanh so that JDK 17 and 25 give the same doubles
    Tensor u = Tensor.randn(RandomStream.of(25), 4000).mul(2);
    double[] t = u.tanh().toArray();
    double[] squashed = SquashOps.tanhToBox(u.reshape(4000, 1), new double[] {0},
        new double[] {1}).toArray();
    for (int i = 0; i < t.length; i++) {
      double expected = StrictMath.tanh(u.data()[i]);
      assertEquals(expected, t[i], 0.0, "tanh at " + u.data()[i]);
      assertEquals(expected, squashed[i], 0.0, "squash at " + u.data()[i]);
    }
  }
}
