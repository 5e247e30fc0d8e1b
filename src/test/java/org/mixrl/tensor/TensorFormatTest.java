package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** toString is readable: nested brackets for small tensors, a "..." summary for large ones. */
class TensorFormatTest {
  @Test
  void zeroDimensional() {
    assertEquals("tensor(3.5000, shape=[])", Tensor.scalar(3.5).toString());
    assertEquals("tensor(2.0, shape=[])", Tensor.scalar(2).toString());
  }

  @Test
  void oneDimensional() {
    assertEquals("tensor([1.0, -2.0, 0.2500], shape=[3])", Tensor.vector(1, -2, 0.25).toString());
    assertEquals("tensor([], shape=[0])", Tensor.zeros(0).toString());
  }

  @Test
  void twoDimensionalRowsAlign() {
    assertEquals(
        "tensor([[1.0, 2.0, 3.0],\n"
            + "        [4.0, 5.0, 6.0]], shape=[2, 3])",
        Tensor.arange(1, 7, 1).reshape(2, 3).toString());
  }

  @Test
  void threeDimensional() {
    assertEquals(
        "tensor([[[0.0, 1.0],\n"
            + "         [2.0, 3.0]],\n"
            + "        [[4.0, 5.0],\n"
            + "         [6.0, 7.0]]], shape=[2, 2, 2])",
        Tensor.arange(8).reshape(2, 2, 2).toString());
  }

  @Test
  void specialAndExtremeValues() {
    assertEquals(
        "tensor([NaN, Infinity, -Infinity, 1.0000e-07, 1.2346e+06], shape=[5])",
        Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-7,
                1234567.5)
            .toString());
  }

  @Test
  void gradientInfoIsShown() {
    Tensor x = Tensor.vector(1).requiresGrad(true);
    assertEquals("tensor([1.0], shape=[1], requiresGrad)", x.toString());
    assertEquals("tensor([2.0], shape=[1], op=mul)", x.mul(2).toString());
  }

  @Test
  void largeTensorIsSummarised() {
    String s = Tensor.arange(2000).toString();
    assertEquals("tensor([0.0, 1.0, 2.0, ..., 1997.0, 1998.0, 1999.0], shape=[2000])", s);
    String m = Tensor.arange(1200).reshape(40, 30).toString();
    assertTrue(m.startsWith("tensor([[0.0, 1.0, 2.0, ..., 27.0, 28.0, 29.0],\n"), m);
    assertTrue(m.contains("\n        ...,\n"), m);
    assertTrue(m.endsWith("[1170.0, 1171.0, 1172.0, ..., 1197.0, 1198.0, 1199.0]], shape=[40, 30])"),
        m);
    assertEquals(7, m.split("\n").length); // 3 rows, "...", 3 rows
  }
}
