package org.mixrl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.nn.NamedParameter;
import org.mixrl.tensor.Tensor;

class SGDTest {
  private static Tensor param(double... v) {
    return Tensor.vector(v).requiresGrad(true);
  }

  /** One step on f(p) = a·Σp²/2 (gradient a·p). */
  private static void quadraticStep(SGD sgd, Tensor p, double a) {
    sgd.zeroGrad();
    p.square().mul(a / 2).sum().backward();
    sgd.step();
  }

  @Test
  void heavyBallOnAQuadraticFollowsTheClosedForm() {
    // With g = a·p and the first buffer b₁ = g, (p, b) evolves linearly:
    // p_t = (1 − lr·a + μ)·p_{t−1} − μ·p_{t−2}, p₁ = (1 − lr·a)·p₀.
    // The characteristic roots are complex here (underdamped): r = √μ, cos θ = (1−lr·a+μ)/(2r),
    // so p_t = rᵗ (A cos tθ + B sin tθ) with A = p₀ and B fitted to p₁.
    double a = 2;
    double lr = 0.1;
    double mu = 0.9;
    double p0 = 3;
    double r = Math.sqrt(mu);
    double theta = Math.acos((1 - lr * a + mu) / (2 * r));
    double p1 = (1 - lr * a) * p0;
    double bCoef = (p1 / r - p0 * Math.cos(theta)) / Math.sin(theta);

    Tensor p = param(p0);
    SGD sgd = new SGD(List.of(new NamedParameter("p", p)), SgdConfig.withMomentum(lr, mu));
    for (int t = 1; t <= 60; t++) {
      quadraticStep(sgd, p, a);
      double expected =
          Math.pow(r, t) * (p0 * Math.cos(t * theta) + bCoef * Math.sin(t * theta));
      assertEquals(expected, p.get(0), 1e-12, "step " + t);
    }
  }

  @Test
  void firstMomentumStepIsAPlainGradientStep() {
    Tensor p = param(1.0, -2.0);
    SGD sgd = new SGD(List.of(new NamedParameter("p", p)), SgdConfig.withMomentum(0.5, 0.9));
    quadraticStep(sgd, p, 1);
    assertArrayEquals(new double[] {0.5, -1.0}, p.toArray(), 0);
    assertArrayEquals(
        new double[] {1.0, -2.0},
        sgd.exportState().parameters().get("p").buffer("momentum_buffer"),
        0);
  }

  @Test
  void nesterovMatchesTorch() {
    Tensor p = param(2.0);
    SGD sgd = new SGD(List.of(new NamedParameter("p", p)), new SgdConfig(0.1, 0.9, 0, true));
    double[] torch = {1.62, 1.1502000000000001, 0.6546420000000001}; // torch 1.13, float64
    for (double expected : torch) {
      quadraticStep(sgd, p, 1);
      assertEquals(expected, p.get(0), 1e-15);
    }
  }

  @Test
  void weightDecayAddsLambdaTimesP() {
    Tensor p = param(2.0);
    SGD sgd = new SGD(List.of(new NamedParameter("p", p)), new SgdConfig(0.1, 0, 0.5, false));
    quadraticStep(sgd, p, 1); // g = 2 + 0.5·2 = 3
    assertEquals(2.0 - 0.1 * 3, p.get(0), 1e-15);
  }

  @Test
  void momentumStateRoundTripsThroughExport() {
    Tensor p = param(3.0);
    Tensor q = param(3.0);
    SGD a = new SGD(List.of(new NamedParameter("p", p)), SgdConfig.withMomentum(0.1, 0.9));
    SGD b = new SGD(List.of(new NamedParameter("p", q)), SgdConfig.withMomentum(0.1, 0.9));
    quadraticStep(a, p, 1);
    quadraticStep(a, p, 1);
    q.data()[0] = p.get(0);
    b.importState(a.exportState());
    quadraticStep(a, p, 1);
    quadraticStep(b, q, 1);
    assertEquals(p.get(0), q.get(0), 0);
    var e = assertThrows(IllegalArgumentException.class,
        () -> b.importState(new OptimizerState("Adam", java.util.Map.of())));
    assertTrue(e.getMessage().contains("Adam"));
  }

  @Test
  void configValidationNamesTheField() {
    var e = assertThrows(IllegalArgumentException.class, () -> SgdConfig.withMomentum(0.1, 1.0));
    assertTrue(e.getMessage().contains("momentum must be in [0, 1), got 1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SgdConfig(0.1, 0, 0, true));
    assertTrue(e.getMessage().contains("nesterov"));
    e = assertThrows(IllegalArgumentException.class, () -> SgdConfig.of(Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("learningRate"));
  }
}
