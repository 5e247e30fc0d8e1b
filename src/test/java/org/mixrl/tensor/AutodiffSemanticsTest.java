package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How gradients flow: accumulation, stop-gradient, no-grad scopes, graph shapes. */
class AutodiffSemanticsTest {
  @Test
  void gradientsAccumulateAcrossTwoBackwardCalls() {
    Tensor x = Tensor.vector(1, 2).requiresGrad(true);
    x.square().sum().backward(); // 2x
    assertArrayEquals(new double[] {2, 4}, x.grad().toArray());
    x.mul(3).sum().backward(); // + 3
    assertArrayEquals(new double[] {5, 7}, x.grad().toArray());
  }

  @Test
  void zeroGradClearsTheGradient() {
    Tensor x = Tensor.vector(1, 2).requiresGrad(true);
    x.sum().backward();
    x.zeroGrad();
    assertNull(x.grad());
    x.mul(4).sum().backward();
    assertArrayEquals(new double[] {4, 4}, x.grad().toArray());
  }

  @Test
  void gradIsNullBeforeAnyBackward() {
    assertNull(Tensor.vector(1).requiresGrad(true).grad());
  }

  @Test
  void detachStopsTheGradient() {
    Tensor x = Tensor.vector(3).requiresGrad(true);
    // d/dx [x * detach(x)] = detach(x) = 3, not 2x = 6
    Tensor y = x.mul(x.detach());
    y.sum().backward();
    assertArrayEquals(new double[] {3}, x.grad().toArray());
    assertFalse(x.detach().requiresGrad());
    assertNull(x.detach().op());
  }

  @Test
  void noGradRecordsNoGraphAndNestsAndRestores() {
    Tensor x = Tensor.vector(1, 2).requiresGrad(true);
    assertTrue(GradMode.isEnabled());
    try (GradMode outer = GradMode.noGrad()) {
      Tensor y = x.mul(2).exp().sum();
      assertFalse(y.requiresGrad());
      assertNull(y.op());
      try (GradMode inner = GradMode.enableGrad()) {
        assertTrue(x.mul(2).requiresGrad());
        try (GradMode innermost = GradMode.noGrad()) {
          assertFalse(x.mul(2).requiresGrad());
        }
        assertTrue(GradMode.isEnabled());
      }
      assertFalse(GradMode.isEnabled());
      assertFalse(x.add(1).requiresGrad());
    }
    assertTrue(GradMode.isEnabled());
    assertTrue(x.add(1).requiresGrad());
  }

  @Test
  void noGradIsPerThread() throws Exception {
    boolean[] seen = new boolean[1];
    try (GradMode s = GradMode.noGrad()) {
      Thread t = new Thread(() -> seen[0] = GradMode.isEnabled());
      t.start();
      t.join();
    }
    assertTrue(seen[0]);
  }

  @Test
  void resultOfOpsOnConstantsDoesNotRequireGrad() {
    Tensor y = Tensor.vector(1, 2).exp().sum();
    assertFalse(y.requiresGrad());
    assertNull(y.op());
  }

  @Test
  void diamondGraphSumsBothPaths() {
    Tensor x = Tensor.scalar(2).requiresGrad(true);
    Tensor a = x.mul(3); // 3x
    Tensor b = x.square(); // x^2
    a.mul(b).backward(); // d/dx 3x^3 = 9x^2 = 36
    assertEquals(36, x.grad().item(), 1e-12);
  }

  @Test
  void sameTensorAsBothOperandsGetsBothPartials() {
    Tensor x = Tensor.vector(3, -2).requiresGrad(true);
    x.mul(x).sum().backward();
    assertArrayEquals(new double[] {6, -4}, x.grad().toArray(), 1e-12);
  }

  @Test
  void sharedSubexpressionIsBackpropagatedOnceWithSummedGradient() {
    Tensor x = Tensor.vector(0.5, -1).requiresGrad(true);
    Tensor s = x.exp(); // shared
    Tensor y = s.add(s.mul(s)).add(s).sum();
    y.backward();
    // d/dx (e^x + e^{2x} + e^x) = 2 e^x + 2 e^{2x}
    for (int i = 0; i < 2; i++) {
      double v = x.get(i);
      assertEquals(2 * Math.exp(v) + 2 * Math.exp(2 * v), x.grad().get(i), 1e-12);
    }
  }

  @Test
  void veryLongChainDoesNotOverflowTheStack() {
    Tensor x = Tensor.scalar(1).requiresGrad(true);
    Tensor y = x;
    for (int i = 0; i < 100_000; i++) {
      y = y.add(1e-5);
    }
    y.backward();
    assertEquals(2.0, y.item(), 1e-9);
    assertEquals(1.0, x.grad().item());
  }

  @Test
  void veryLongMultiplicativeChainGivesProductOfFactors() {
    Tensor x = Tensor.scalar(1).requiresGrad(true);
    Tensor y = x;
    for (int i = 0; i < 100_000; i++) {
      y = y.mul(Tensor.scalar(1.00001)); // tensor operand: a binary node each time
    }
    y.backward();
    assertEquals(Math.pow(1.00001, 100_000), x.grad().item(), 1e-9);
  }

  @Test
  void backwardWithUpstreamOnNonScalarOutput() {
    Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
    Tensor y = x.square(); // dy/dx = 2x, elementwise
    y.backward(Tensor.of(new double[] {1, 0, -1, 0.5}, 2, 2));
    assertArrayEquals(new double[] {2, 0, -6, 4}, x.grad().toArray(), 1e-12);
  }

  @Test
  void backwardOnLeafItselfSetsUpstreamAsGradient() {
    Tensor x = Tensor.vector(1, 2).requiresGrad(true);
    x.backward(Tensor.vector(3, 4));
    assertArrayEquals(new double[] {3, 4}, x.grad().toArray());
  }

  @Test
  void backwardDoesNotModifyTheUpstreamTensor() {
    Tensor x = Tensor.vector(1, 2).requiresGrad(true);
    Tensor up = Tensor.vector(1, 1);
    x.backward(up);
    x.backward(up);
    assertArrayEquals(new double[] {1, 1}, up.toArray());
    assertArrayEquals(new double[] {2, 2}, x.grad().toArray());
  }

  @Test
  void leavesThatDoNotRequireGradGetNoGradient() {
    Tensor x = Tensor.vector(1, 2).requiresGrad(true);
    Tensor c = Tensor.vector(5, 6);
    x.mul(c).sum().backward();
    assertNull(c.grad());
    assertArrayEquals(new double[] {5, 6}, x.grad().toArray());
  }

  @Test
  void secondBackwardThroughSameGraphAccumulatesAgain() {
    Tensor x = Tensor.scalar(3).requiresGrad(true);
    Tensor y = x.square();
    y.backward();
    y.backward();
    assertEquals(12, x.grad().item(), 1e-12);
  }
}
