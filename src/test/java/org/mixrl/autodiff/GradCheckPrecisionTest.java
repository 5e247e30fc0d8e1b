package org.mixrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Precision;
import org.mixrl.tensor.Tensor;

/** Gradient checks stay in double products inside a float32 scope. */
class GradCheckPrecisionTest {
  private static final Function<Tensor[], Tensor> F = in -> in[0].matmul(in[1]).square().sum();

  @Test
  void aCheckInsideAFloatScopeGivesTheDoubleResultBitForBit() {
    RandomStream rng = RandomStream.of(3);
    Tensor x = Tensor.randn(rng, 16, 24);
    Tensor w = Tensor.randn(rng, 24, 8);
    double[][] outside = GradCheck.analyticGradients(F, x, w);
    double[] numericOutside = GradCheck.numericGradient(F, 1, 1e-5, x, w);
    double[][] inside;
    double[] numericInside;
    double floatValue;
    try (Precision.Scope s = Precision.f32()) {
      inside = GradCheck.analyticGradients(F, x, w);
      numericInside = GradCheck.numericGradient(F, 1, 1e-5, x, w);
      assertEquals(Precision.F32, Precision.current(), "the caller's scope is restored");
      floatValue = F.apply(new Tensor[] {x, w}).item();
    }
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < outside[i].length; j++) {
        assertEquals(Double.doubleToRawLongBits(outside[i][j]),
            Double.doubleToRawLongBits(inside[i][j]), "input " + i + " entry " + j);
      }
    }
    for (int j = 0; j < numericOutside.length; j++) {
      assertEquals(Double.doubleToRawLongBits(numericOutside[j]),
          Double.doubleToRawLongBits(numericInside[j]), "numeric entry " + j);
    }
    // the same function outside GradCheck did run in float: the scope was really on
    double doubleValue = F.apply(new Tensor[] {x, w}).item();
    assertTrue(floatValue != doubleValue, floatValue + " vs " + doubleValue);
    assertTrue(GradCheck.check(F, x, w).passed(1e-6));
  }
}
