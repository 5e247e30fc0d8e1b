package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.random.RandomStream;

class AffineTest {
  private final RandomStream rng = RandomStream.of(11);

  @Test
  void forwardMatchesHandComputedValues() {
    Tensor x = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    Tensor w = Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {1, -1}});
    Tensor b = Tensor.vector(10, 20, 30);
    Tensor y = Affine.affine(x, w, b);
    assertArrayEquals(new int[] {3, 3}, y.shape());
    assertArrayEquals(new double[] {11, 22, 29, 13, 24, 29, 15, 26, 29}, y.toArray(), 0);
  }

  @Test
  void forwardEqualsComposedMatmulPlusBias() {
    Tensor x = Tensor.randn(rng, 5, 4);
    Tensor w = Tensor.randn(rng, 3, 4);
    Tensor b = Tensor.randn(rng, 3);
    assertArrayEquals(
        x.matmul(w.t()).add(b).toArray(), Affine.affine(x, w, b).toArray(), 1e-12);
    assertArrayEquals(x.matmul(w.t()).toArray(), Affine.affine(x, w, null).toArray(), 1e-12);
  }

  @Test
  void gradientsAgreeWithCentralDifferences() {
    GradCheck.Result r =
        GradCheck.check(
            t -> Affine.affine(t[0], t[1], t[2]).tanh().square().sum(),
            Tensor.randn(rng, 5, 4),
            Tensor.randn(rng, 3, 4),
            Tensor.randn(rng, 3));
    assertTrue(r.passed(1e-7), r.toString());
  }

  @Test
  void gradientsWithoutBiasAgreeWithCentralDifferences() {
    GradCheck.Result r =
        GradCheck.check(
            t -> Affine.affine(t[0], t[1], null).sigmoid().sum(),
            Tensor.randn(rng, 2, 6),
            Tensor.randn(rng, 7, 6));
    assertTrue(r.passed(1e-7), r.toString());
  }

  @Test
  void fusedActivationsAgreeWithCentralDifferences() {
    for (Affine.Epilogue act : Affine.Epilogue.values()) {
      GradCheck.Result r =
          GradCheck.check(
              t -> Affine.affine(t[0], t[1], t[2], act).square().sum(),
              Tensor.randn(rng, 6, 4),
              Tensor.randn(rng, 5, 4),
              Tensor.randn(rng, 5));
      assertTrue(r.passed(1e-7), act + ": " + r);
    }
  }

  /**
   * Shapes for every way the product reaches the activation: one tile; one output column (the
   * dot-product path); several row tiles and two column panels, also on two threads (the
   * activation runs per finished block, on the thread that computed it); in f64 and f32.
   */
  @ParameterizedTest(name = "[{0}, {1}] -> {2}, {3} thread(s), {4}")
  @CsvSource({"7,5,3,1,f64", "70,9,1,1,f64", "300,20,300,1,f64", "129,64,257,2,f64",
      "7,5,3,1,f32", "70,9,1,1,f32", "300,20,300,1,f32", "129,64,257,2,f32"})
  void fusedActivationsEqualTheSeparateOpsBitForBit(int rows, int in, int out, int threads,
      String precision) {
    MatMul.setThreads(threads);
    try (Precision.Scope p = Precision.parse(precision).use()) {
      fusedEqualsSeparate(rows, in, out);
    } finally {
      MatMul.setThreads(1);
    }
  }

  private void fusedEqualsSeparate(int rows, int in, int out) {
    // values and all three gradients, compared by raw bits (signed zeros included): the fused
    // node is an optimisation, never a change in numbers
    for (Affine.Epilogue act : Affine.Epilogue.values()) {
      Tensor x = Tensor.randn(rng, rows, in);
      Tensor w = Tensor.randn(rng, out, in);
      Tensor b = Tensor.randn(rng, out);
      Tensor u = Tensor.randn(rng, rows, out); // upstream weights, some negative
      Tensor[] fused = leaves(x, w, b);
      Tensor yf = Affine.affine(fused[0], fused[1], fused[2], act);
      yf.mul(u).sum().backward();
      Tensor[] plain = leaves(x, w, b);
      Tensor z = Affine.affine(plain[0], plain[1], plain[2]);
      Tensor yp = act == Affine.Epilogue.RELU ? z.relu() : act == Affine.Epilogue.TANH ? z.tanh() : z;
      yp.mul(u).sum().backward();
      assertBitsEqual(yp.toArray(), yf.toArray(), act + " value");
      for (int i = 0; i < 3; i++) {
        assertBitsEqual(plain[i].grad().toArray(), fused[i].grad().toArray(), act + " grad " + i);
      }
    }
  }

  @Test
  void fusedReluEqualsTheSeparateOpBitForBitAtSpecialValues() {
    // pre-activations -0.0, +0.0, NaN, ±inf, the smallest positive double and its negative:
    // x is zero, so z is the bias (fma(0, w, b) = b, with -0.0 kept for a negative w)
    double[] special = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, 2.5, -2.5};
    int out = special.length;
    Tensor x = Tensor.zeros(2, 3);
    Tensor w = Tensor.full(-1.0, out, 3);
    Tensor b = Tensor.of(special, out);
    Tensor u = Tensor.randn(rng, 2, out);
    Tensor[] fused = leaves(x, w, b);
    Tensor yf = Affine.affine(fused[0], fused[1], fused[2], Affine.Epilogue.RELU);
    yf.mul(u).sum().backward();
    Tensor[] plain = leaves(x, w, b);
    Tensor yp = Affine.affine(plain[0], plain[1], plain[2]).relu();
    yp.mul(u).sum().backward();
    assertBitsEqual(yp.toArray(), yf.toArray(), "value");
    assertEquals(0.0, yf.get(0, 2), "NaN maps to 0 as in relu()");
    for (int i = 0; i < 3; i++) {
      assertBitsEqual(plain[i].grad().toArray(), fused[i].grad().toArray(), "grad " + i);
    }
  }

  private static Tensor[] leaves(Tensor... ts) {
    Tensor[] out = new Tensor[ts.length];
    for (int i = 0; i < ts.length; i++) {
      out[i] = Tensor.of(ts[i].toArray(), ts[i].shape()).requiresGrad(true);
    }
    return out;
  }

  private static void assertBitsEqual(double[] want, double[] got, String what) {
    assertEquals(want.length, got.length, what);
    for (int i = 0; i < want.length; i++) {
      assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]),
          what + " at " + i + ": " + want[i] + " vs " + got[i]);
    }
  }

  @Test
  void onlyInputsThatRequireGradReceiveGradients() {
    Tensor x = Tensor.randn(rng, 2, 3);
    Tensor w = Tensor.randn(rng, 4, 3).requiresGrad(true);
    Tensor b = Tensor.randn(rng, 4);
    Affine.affine(x, w, b).sum().backward();
    assertNull(x.grad());
    assertNull(b.grad());
    // d(sum)/dW[o][i] = sum over the batch of x[., i]
    double[] gw = w.grad().toArray();
    for (int o = 0; o < 4; o++) {
      for (int i = 0; i < 3; i++) {
        assertEquals(x.get(0, i) + x.get(1, i), gw[o * 3 + i], 1e-12);
      }
    }
  }

  @Test
  void noGradBuildsNoGraph() {
    Tensor w = Tensor.randn(rng, 4, 3).requiresGrad(true);
    try (GradMode g = GradMode.noGrad()) {
      assertFalse(Affine.affine(Tensor.randn(rng, 2, 3), w, null).requiresGrad());
    }
  }

  @Test
  void shapeErrorsNameTheOpAndTheShapes() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Affine.affine(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null));
    assertTrue(e.getMessage().contains("affine") && e.getMessage().contains("[2, 3]")
        && e.getMessage().contains("[4, 5]"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Affine.affine(Tensor.zeros(2, 3), Tensor.zeros(4, 3), Tensor.zeros(5)));
    assertTrue(e.getMessage().contains("bias") && e.getMessage().contains("[5]"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Affine.affine(Tensor.zeros(3), Tensor.zeros(4, 3), null));
    assertTrue(e.getMessage().contains("affine") && e.getMessage().contains("[3]"), e.getMessage());
  }
}
