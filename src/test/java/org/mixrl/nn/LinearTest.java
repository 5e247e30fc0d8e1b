package org.mixrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Affine;
import org.mixrl.tensor.Tensor;

class LinearTest {
  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  @Test
  void defaultInitIsUniformWithinOneOverSqrtFanIn() {
    Linear l = new Linear(64, 200, RandomStream.of(1));
    double bound = 1 / Math.sqrt(64);
    double[] w = l.weight().toArray();
    double[] b = l.bias().toArray();
    assertTrue(maxAbs(w) <= bound && maxAbs(b) <= bound);
    // 12800 uniform draws: the extremes come within 1% of the bound and the variance is a²/3
    assertTrue(maxAbs(w) > 0.99 * bound, "max |w| = " + maxAbs(w));
    double var = 0;
    for (double v : w) {
      var += v * v;
    }
    var /= w.length;
    double expected = bound * bound / 3;
    // the variance of w² for U(-a, a) is 4a⁴/45; allow 5 standard errors
    double se = Math.sqrt(4 * Math.pow(bound, 4) / 45 / w.length);
    assertEquals(expected, var, 5 * se);
    assertTrue(maxAbs(b) > 0.5 * bound);
  }

  @Test
  void xavierUniformUsesBothFansAndZeroBias() {
    Linear l = new Linear(30, 70, true, Init.xavierUniform(), RandomStream.of(2));
    double bound = Math.sqrt(6.0 / 100);
    assertTrue(maxAbs(l.weight().toArray()) <= bound);
    assertTrue(maxAbs(l.weight().toArray()) > 0.98 * bound);
    assertArrayEquals(new double[70], l.bias().toArray(), 0);
    assertEquals(2 * bound, Init.xavierUniform(2).weightBound(30, 70), 1e-15);
  }

  @Test
  void uniformInitIgnoresTheFans() {
    Linear l = new Linear(500, 3, true, Init.uniform(3e-3), RandomStream.of(3));
    assertTrue(maxAbs(l.weight().toArray()) <= 3e-3 && maxAbs(l.bias().toArray()) <= 3e-3);
    assertTrue(maxAbs(l.weight().toArray()) > 2.9e-3);
  }

  @Test
  void sameSeedGivesBitwiseIdenticalLayers() {
    Linear a = new Linear(5, 4, RandomStream.of(9));
    Linear b = new Linear(5, 4, RandomStream.of(9));
    Linear c = new Linear(5, 4, RandomStream.of(10));
    assertArrayEquals(a.weight().toArray(), b.weight().toArray(), 0);
    assertArrayEquals(a.bias().toArray(), b.bias().toArray(), 0);
    assertTrue(a.weight().get(0, 0) != c.weight().get(0, 0));
  }

  @Test
  void forwardIsTheAffineMapAndParametersAreNamedLikePyTorch() {
    Linear l = new Linear(3, 2, RandomStream.of(4));
    Tensor x = Tensor.randn(RandomStream.of(5), 4, 3);
    assertArrayEquals(
        Affine.affine(x, l.weight(), l.bias()).toArray(), l.forward(x).toArray(), 0);
    assertEquals(List.of("weight", "bias"), List.copyOf(l.parameterSet().names()));
    assertEquals(8, l.parameterCount());
    assertTrue(l.weight().requiresGrad() && l.bias().requiresGrad());
  }

  @Test
  void layerWithoutBiasHasOnlyAWeight() {
    Linear l = new Linear(3, 2, false, Init.pytorchDefault(), RandomStream.of(4));
    assertNull(l.bias());
    assertEquals(1, l.namedParameters().size());
  }

  @Test
  void invalidSizesAndInitArgumentsAreRejectedWithTheirNames() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Linear(0, 2, RandomStream.of(1)));
    assertTrue(e.getMessage().contains("inFeatures") && e.getMessage().contains("0"));
    e = assertThrows(IllegalArgumentException.class, () -> new Linear(2, -1, RandomStream.of(1)));
    assertTrue(e.getMessage().contains("outFeatures"));
    e = assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(Double.NaN));
    assertTrue(e.getMessage().contains("gain"));
    e = assertThrows(IllegalArgumentException.class, () -> Init.uniform(0));
    assertTrue(e.getMessage().contains("bound"));
  }
}
