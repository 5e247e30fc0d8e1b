package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Division by a scalar divides (x / c), it does not multiply by a rounded reciprocal. */
class ScalarDivisionTest {
  @Test
  void meanOfConstantVectorIsThatConstantExactly() {
    // 49 * (1/49) rounds to 0.9999999999999999; 49 / 49 is exactly 1.
    assertEquals(1.0, Tensor.ones(49).mean().item());
    assertEquals(1.0, Tensor.ones(3, 49).mean(1, false).get(2));
  }

  @Test
  void divByScalarIsCorrectlyRounded() {
    assertEquals(1.0, Tensor.scalar(49).div(49).item());
    assertEquals(0.1, Tensor.scalar(1).div(10).item());
  }

  @Test
  void varianceOfEqualSpacedValuesIsExact() {
    // var([0..48], Bessel) = n(n+1)/12 with n = 49 -> 49*50/12 ... computed by dividing exactly
    double[] v = new double[49];
    double mean = 24.0;
    double ss = 0;
    for (int i = 0; i < 49; i++) {
      v[i] = i;
      ss += (i - mean) * (i - mean);
    }
    assertEquals(ss / 48, Tensor.vector(v).var(0, false).item());
  }

  @Test
  void divByScalarBackwardIsOneOverC() {
    Tensor x = Tensor.vector(1, 2).requiresGrad(true);
    x.div(4).sum().backward();
    assertEquals(0.25, x.grad().get(0));
    assertEquals(0.25, x.grad().get(1));
  }
}
