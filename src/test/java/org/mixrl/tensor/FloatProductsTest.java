package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.testing.RandomCases;

/** MatMul inside {@link Precision#f32()}: the float kernel's order, accuracy and scope. */
class FloatProductsTest {
  private enum Variant { PLAIN, TRANSPOSED_A, TRANSPOSED_B }

  @AfterEach
  void resetThreads() {
    MatMul.setThreads(1);
  }

  private static void call(Variant v, double[] a, int aOff, double[] b, int bOff,
      double[] c, int cOff, int m, int k, int n) {
    switch (v) {
      case PLAIN: MatMul.multiply(a, aOff, b, bOff, c, cOff, m, k, n); break;
      case TRANSPOSED_A: MatMul.multiplyTransposedA(a, aOff, b, bOff, c, cOff, m, k, n); break;
      default: MatMul.multiplyTransposedB(a, aOff, b, bOff, c, cOff, m, k, n); break;
    }
  }

  private static void callF32(Variant v, double[] a, int aOff, double[] b, int bOff,
      double[] c, int cOff, int m, int k, int n) {
    try (Precision.Scope s = Precision.f32()) {
      call(v, a, aOff, b, bOff, c, cOff, m, k, n);
    }
  }

  private static double x(Variant v, double[] a, int aOff, int i, int p, int m, int k) {
    return v == Variant.TRANSPOSED_A ? a[aOff + p * m + i] : a[aOff + i * k + p];
  }

  private static double y(Variant v, double[] b, int bOff, int p, int j, int k, int n) {
    return v == Variant.TRANSPOSED_B ? b[bOff + j * k + p] : b[bOff + p * n + j];
  }

  private static double[] random(SplittableRandom rng, int len) {
    double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return x;
  }

  /**
   * The order MatMul documents for f32, element by element: s = 0f, then s = fma((float) a,
   * (float) b, s) for p = 0 .. k-1, then c + s in double. Written as one loop on purpose; the
   * kernel's pairs of rows, groups of four k terms, column panels, one-column and narrow paths
   * must all reduce to it.
   */
  private static double documentedOrder(Variant v, double[] a, double[] b, double c, int i,
      int j, int m, int k, int n) {
    float s = 0f;
    for (int p = 0; p < k; p++) {
      s = Math.fma((float) x(v, a, 0, i, p, m, k), (float) y(v, b, 0, p, j, k, n), s);
    }
    return c + s;
  }

  @ParameterizedTest(name = "{0}x{1}x{2}")
  @CsvSource({"1,1,1", "1,3,1", "2,1,2", "5,7,1", "6,130,1", "9,6,1", "3,131,5", "8,64,300",
      "7,67,257", "65,9,3", "16,70,7", "300,67,4", "40,5,1", "15,9,2", "33,2,19", "1,9,600",
      "17,1,1", "64,64,64", "130,2100,1"})
  void everyElementIsTheDocumentedFloatChainBitForBit(int m, int k, int n) {
    SplittableRandom rng = new SplittableRandom(13L * m + k + 5L * n);
    double[] a = random(rng, m * k);
    double[] b = random(rng, k * n);
    double[] c0 = random(rng, m * n);
    for (Variant v : Variant.values()) {
      for (int t = 1; t <= 2; t++) {
        MatMul.setThreads(t);
        double[] c = c0.clone();
        callF32(v, a, 0, b, 0, c, 0, m, k, n);
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double want = documentedOrder(v, a, b, c0[i * n + j], i, j, m, k, n);
            assertEquals(Double.doubleToRawLongBits(want),
                Double.doubleToRawLongBits(c[i * n + j]),
                v + " " + m + "x" + k + "x" + n + " element " + i + "," + j + ", " + t
                    + " thread(s)");
          }
        }
      }
    }
  }

  /**
   * Against an independent double product. Bound, per element: rounding a and b to float
   * changes each term a·b by at most (2u + u²)|a||b| with u = 2⁻²⁴; a chain of k fused
   * multiply-adds rounds each partial sum once, which moves the result by at most
   * γ_k·Σ|a||b| (γ_k = k·u / (1 − k·u), Higham's bound for recursive summation); the double
   * reference is off by at most γ_k in double (k·2⁻⁵³·1.01) times the same sum; adding the
   * float sum to c rounds once in double (2⁻⁵³ of the result). So
   * |f32 − reference| ≤ 1.01·((k + 3)·2⁻²⁴ + k·2⁻⁵³)·Σ_p |a_ip||b_pj| + 2⁻⁵²·(|c| + Σ_p
   * |a_ip||b_pj|), valid while k·u < 0.01 (k below 167 000).
   */
  private static void checkAgainstDoubleReference(Variant v, int m, int k, int n, int off,
      long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    // magnitudes spread over a few decades, so the bound is not only tested at |x| ~ 1
    double[] a = random(rng, off + m * k + 3);
    double[] b = random(rng, off + k * n + 3);
    for (int i = 0; i < a.length; i++) {
      a[i] *= Math.pow(10, rng.nextInt(-2, 3));
    }
    double[] c = random(rng, off + m * n + 3);
    double[] c0 = c.clone();
    callF32(v, a, off, b, off, c, off, m, k, n);
    double u = 0x1p-24;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double abs = 0;
        for (int p = 0; p < k; p++) {
          double t = x(v, a, off, i, p, m, k) * y(v, b, off, p, j, k, n);
          sum += t;
          abs += Math.abs(t);
        }
        double cRef = c0[off + i * n + j] + sum;
        double bound = 1.01 * ((k + 3) * u + k * 0x1p-53) * abs
            + 0x1p-52 * (Math.abs(c0[off + i * n + j]) + abs);
        double got = c[off + i * n + j];
        assertTrue(Math.abs(got - cRef) <= bound, v + " " + m + "x" + k + "x" + n + " element "
            + i + "," + j + ": |" + got + " - " + cRef + "| > " + bound);
      }
    }
    // elements outside the output range are untouched
    for (int q = 0; q < off; q++) {
      assertEquals(c0[q], c[q]);
    }
    for (int q = off + m * n; q < c.length; q++) {
      assertEquals(c0[q], c[q]);
    }
  }

  /** Dimensions, offset and data seed of one random product. */
  record Dims(int m, int k, int n, int off, long seed, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** 40 cases (seed 907): m in [0, 70], k in [0, 140], n in [0, 300], offset in [0, 9]. */
  static List<Dims> randomDims() {
    long seed = 907;
    return RandomCases.generate(seed, 40, (rng, i) -> {
      int m = RandomCases.intIn(rng, 0, 70);
      int k = RandomCases.intIn(rng, 0, 140);
      int n = RandomCases.intIn(rng, 0, 300);
      int off = RandomCases.intIn(rng, 0, 9);
      long dataSeed = rng.nextLong();
      return new Dims(m, k, n, off, dataSeed, RandomCases.id(seed, i) + " " + m + "x" + k + "x"
          + n + " offset " + off + " data seed " + dataSeed);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("randomDims")
  void randomShapesAgreeWithADoubleProductWithinTheFloatBound(Dims d) {
    for (Variant v : Variant.values()) {
      checkAgainstDoubleReference(v, d.m(), d.k(), d.n(), d.off(), d.seed());
    }
  }

  @ParameterizedTest(name = "{0}x{1}x{2} offset {3}")
  @CsvSource({"1,1,1,0", "1,1,1,5", "3,0,4,2", "0,5,3,0", "5,3,0,1", "0,0,0,0", "1,7,9,0",
      "9,7,1,3", "7,5,3,1", "13,17,19,4", "63,65,257,0", "2,129,3,0", "300,131,3,5",
      "130,64,1,1", "3,1000,2,0"})
  void oddAndEmptyShapesAgreeWithADoubleProductWithinTheFloatBound(int m, int k, int n,
      int off) {
    for (Variant v : Variant.values()) {
      checkAgainstDoubleReference(v, m, k, n, off, 31L * m + 17L * k + n);
    }
  }

  @Test
  void theScopeSwitchesTheKernelAndClosingItSwitchesBack() {
    int s = 64;
    SplittableRandom rng = new SplittableRandom(5);
    double[] a = random(rng, s * s);
    double[] b = random(rng, s * s);
    double[] f64 = new double[s * s];
    MatMul.multiply(a, 0, b, 0, f64, 0, s, s, s);
    double[] f32 = new double[s * s];
    callF32(Variant.PLAIN, a, 0, b, 0, f32, 0, s, s, s);
    double[] again = new double[s * s];
    MatMul.multiply(a, 0, b, 0, again, 0, s, s, s);
    int differ = 0;
    double worst = 0;
    for (int i = 0; i < s * s; i++) {
      differ += f64[i] == f32[i] ? 0 : 1;
      worst = Math.max(worst, Math.abs(f64[i] - f32[i]));
      assertEquals(Double.doubleToRawLongBits(f64[i]), Double.doubleToRawLongBits(again[i]));
    }
    // float sums of 64 terms of size ~1/3 are off by ~1e-7, double ones by ~1e-15
    assertTrue(differ > s * s / 2, differ + " of " + s * s + " elements differ");
    assertTrue(worst > 1e-9 && worst < 1e-4, "largest f32 - f64 difference " + worst);
  }

  @Test
  void resultsAreBitwiseIdenticalForOneTwoAndThreeThreads() {
    // 300 rows (5 row tiles) by 1100 columns (5 column panels), k = 257: past the parallel
    // threshold, several panels of packed B, an odd last row and a k remainder
    int m = 300;
    int k = 257;
    int n = 1100;
    SplittableRandom rng = new SplittableRandom(2025);
    double[] a = random(rng, Math.max(m, n) * k);
    double[] b = random(rng, k * n);
    double[] c0 = random(rng, m * n);
    for (Variant v : Variant.values()) {
      double[][] results = new double[3][];
      for (int t = 1; t <= 3; t++) {
        MatMul.setThreads(t);
        double[] c = c0.clone();
        callF32(v, a, 0, b, 0, c, 0, m, k, n);
        results[t - 1] = c;
      }
      for (int t = 1; t < 3; t++) {
        for (int i = 0; i < m * n; i++) {
          assertEquals(Double.doubleToRawLongBits(results[0][i]),
              Double.doubleToRawLongBits(results[t][i]),
              v + " differs at " + i + " with " + (t + 1) + " threads");
        }
      }
    }
  }

  @Test
  void theScopeIsRestoredAfterAnException() {
    assertEquals(Precision.F64, Precision.current());
    RuntimeException e = assertThrows(RuntimeException.class, () -> {
      try (Precision.Scope s = Precision.f32()) {
        assertEquals(Precision.F32, Precision.current());
        MatMul.multiply(new double[4], 0, new double[3], 0, new double[4], 0, 2, 2, 2);
      }
    });
    assertTrue(e.getMessage().contains("b is too short"), e.getMessage());
    assertEquals(Precision.F64, Precision.current());
  }

  @Test
  void scopesNestAndRestoreTheOuterPrecision() {
    try (Precision.Scope outer = Precision.f32()) {
      try (Precision.Scope inner = Precision.f64()) {
        assertEquals(Precision.F64, Precision.current());
        try (Precision.Scope innermost = Precision.F32.use()) {
          assertEquals(Precision.F32, Precision.current());
        }
        assertEquals(Precision.F64, Precision.current());
      }
      assertEquals(Precision.F32, Precision.current());
    }
    assertEquals(Precision.F64, Precision.current());
  }

  @Test
  void theScopeBelongsToItsThread() throws InterruptedException {
    AtomicReference<Precision> seen = new AtomicReference<>();
    AtomicReference<Throwable> closeError = new AtomicReference<>();
    try (Precision.Scope s = Precision.f32()) {
      Thread other = new Thread(() -> {
        seen.set(Precision.current());
        try {
          s.close();
        } catch (Throwable t) {
          closeError.set(t);
        }
      });
      other.start();
      other.join();
      assertEquals(Precision.F32, Precision.current());
    }
    assertEquals(Precision.F64, seen.get(), "another thread keeps its own default");
    assertTrue(closeError.get() instanceof IllegalStateException, String.valueOf(closeError));
    assertEquals(Precision.F64, Precision.current());
  }

  @Test
  void parseAcceptsTheTwoLabelsAndNamesTheAllowedOnes() {
    assertEquals(Precision.F32, Precision.parse("f32"));
    assertEquals(Precision.F64, Precision.parse(" F64 "));
    assertEquals("f32", Precision.F32.label());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
    assertEquals("precision must be f64 or f32, got 'fp16'", e.getMessage());
    assertFalse(Precision.F64.label().equals(Precision.F32.label()));
  }
}
