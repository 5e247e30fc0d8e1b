package org.mixrl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.tensor.Tensor;

class GradClipTest {
  /** A parameter whose gradient is {@code g} (via backward of Σ g·p). */
  private static Tensor withGrad(double... g) {
    Tensor p = Tensor.zeros(g.length).requiresGrad(true);
    p.mul(Tensor.vector(g)).sum().backward();
    return p;
  }

  @Test
  void largeGradientsAreScaledToTheMaxNormAndThePreClipNormIsReturned() {
    Tensor a = withGrad(3, 0);
    Tensor b = withGrad(0, 4);
    double norm = GradClip.clipGradNorm(List.of(a, b), 1.0);
    assertEquals(5.0, norm, 1e-15);
    double coef = 1.0 / (5.0 + 1e-6);
    assertArrayEquals(new double[] {3 * coef, 0}, a.grad().toArray(), 1e-15);
    assertArrayEquals(new double[] {0, 4 * coef}, b.grad().toArray(), 1e-15);
    assertEquals(1.0, GradClip.totalNorm(List.of(a, b)), 1e-6);
  }

  @Test
  void smallGradientsAreLeftUnchanged() {
    Tensor a = withGrad(0.3, -0.4);
    assertEquals(0.5, GradClip.clipGradNorm(List.of(a), 1.0), 1e-15);
    assertArrayEquals(new double[] {0.3, -0.4}, a.grad().toArray(), 0);
  }

  @Test
  void parametersWithoutGradientsAreSkipped() {
    Tensor none = Tensor.zeros(3).requiresGrad(true);
    Tensor a = withGrad(6, 8);
    assertEquals(10.0, GradClip.clipGradNorm(List.of(none, a), 5.0), 1e-15);
    assertEquals(5.0, GradClip.totalNorm(List.of(none, a)), 1e-5);
  }

  @Test
  void hugeGradientsDoNotOverflowTheNorm() {
    Tensor a = withGrad(3e200, 4e200);
    assertEquals(5e200, GradClip.clipGradNorm(List.of(a), 1.0), 1e186);
    assertEquals(1.0, GradClip.totalNorm(List.of(a)), 1e-6);
  }

  @Test
  void nonFiniteNormIsReportedAndGradientsAreLeftAlone() {
    Tensor a = withGrad(Double.NaN, 1);
    assertTrue(Double.isNaN(GradClip.clipGradNorm(List.of(a), 1.0)));
    assertEquals(1.0, a.grad().get(1), 0);
  }

  @Test
  void maxNormMustBePositive() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> GradClip.clipGradNorm(List.of(withGrad(1)), 0));
    assertTrue(e.getMessage().contains("maxNorm must be finite and > 0, got 0.0"));
  }
}
