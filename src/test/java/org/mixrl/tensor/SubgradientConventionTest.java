package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Gradients at kinks follow the documented subgradient conventions (PyTorch's, where it has one). */
class SubgradientConventionTest {
  private static double[] grad(Function<Tensor, Tensor> f, double... x) {
    Tensor t = Tensor.vector(x).requiresGrad(true);
    f.apply(t).sum().backward();
    return t.grad().toArray();
  }

  @Test
  void reluDerivativeIsZeroAtZero() {
    assertArrayEquals(new double[] {0, 0, 1}, grad(Tensor::relu, -1, 0, 2));
  }

  @Test
  void absDerivativeIsZeroAtZero() {
    assertArrayEquals(new double[] {-1, 0, 1}, grad(Tensor::abs, -3, 0, 2));
  }

  @Test
  void clampPassesGradientAtBothBoundariesInclusive() {
    assertArrayEquals(
        new double[] {0, 1, 1, 1, 0}, grad(t -> t.clamp(-1, 1), -1.5, -1, 0.3, 1, 1.5));
  }

  @Test
  void elementwiseMaximumAndMinimumSplitTiesEqually() {
    Tensor a = Tensor.vector(1, 2, 3).requiresGrad(true);
    Tensor b = Tensor.vector(1, 5, 0).requiresGrad(true);
    a.maximum(b).sum().backward();
    assertArrayEquals(new double[] {0.5, 0, 1}, a.grad().toArray());
    assertArrayEquals(new double[] {0.5, 1, 0}, b.grad().toArray());
    a.zeroGrad();
    b.zeroGrad();
    a.minimum(b).sum().backward();
    assertArrayEquals(new double[] {0.5, 1, 0}, a.grad().toArray());
    assertArrayEquals(new double[] {0.5, 0, 1}, b.grad().toArray());
  }

  @Test
  void maximumTieWithBroadcastScalarSumsBackTheHalves() {
    Tensor a = Tensor.vector(0, 0, -1).requiresGrad(true);
    Tensor z = Tensor.scalar(0).requiresGrad(true);
    a.maximum(z).sum().backward();
    assertArrayEquals(new double[] {0.5, 0.5, 0}, a.grad().toArray());
    assertArrayEquals(new double[] {2.0}, z.grad().toArray()); // 0.5 + 0.5 + 1
  }

  @Test
  void reductionMaxAndMinShareEquallyAmongTies() {
    assertArrayEquals(new double[] {1.0 / 3, 0, 1.0 / 3, 1.0 / 3}, grad(Tensor::max, 4, 1, 4, 4));
    assertArrayEquals(new double[] {0.5, 0, 0.5}, grad(Tensor::min, -2, 3, -2));
    Tensor x = Tensor.of(new double[] {1, 5, 5, 2, 2, 0}, 2, 3).requiresGrad(true);
    x.max(1, false).backward(Tensor.vector(1, 4));
    assertArrayEquals(new double[] {0, 0.5, 0.5, 2, 2, 0}, x.grad().toArray());
  }
}
