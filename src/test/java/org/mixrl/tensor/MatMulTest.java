package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.testing.RandomCases;

class MatMulTest {
  private enum Variant { PLAIN, TRANSPOSED_A, TRANSPOSED_B }

  @AfterEach
  void resetThreads() {
    MatMul.setThreads(1);
  }

  /** Reference: one multiply-add at a time, A[i,p] and B[p,j] read through the variant's layout. */
  private static void naive(Variant v, double[] a, int aOff, double[] b, int bOff,
      double[] c, int cOff, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double x = v == Variant.TRANSPOSED_A ? a[aOff + p * m + i] : a[aOff + i * k + p];
          double y = v == Variant.TRANSPOSED_B ? b[bOff + j * k + p] : b[bOff + p * n + j];
          s += x * y;
        }
        c[cOff + i * n + j] += s;
      }
    }
  }

  private static void call(Variant v, double[] a, int aOff, double[] b, int bOff,
      double[] c, int cOff, int m, int k, int n) {
    switch (v) {
      case PLAIN: MatMul.multiply(a, aOff, b, bOff, c, cOff, m, k, n); break;
      case TRANSPOSED_A: MatMul.multiplyTransposedA(a, aOff, b, bOff, c, cOff, m, k, n); break;
      default: MatMul.multiplyTransposedB(a, aOff, b, bOff, c, cOff, m, k, n); break;
    }
  }

  private static double[] random(SplittableRandom rng, int len) {
    double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return x;
  }

  /** Runs a variant against the naive loop on random data with offsets and a non-zero C. */
  private static void checkAgainstNaive(Variant v, int m, int k, int n, int off, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = random(rng, off + m * k + 3);
    double[] b = random(rng, off + k * n + 3);
    double[] c = random(rng, off + m * n + 3);
    double[] expected = c.clone();
    naive(v, a, off, b, off, expected, off, m, k, n);
    call(v, a, off, b, off, c, off, m, k, n);
    for (int i = 0; i < c.length; i++) {
      // Summation order differs from the naive loop; |terms| <= 1 so k ulps-ish of slack.
      assertEquals(expected[i], c[i], 1e-13 * (k + 1),
          () -> v + " " + m + "x" + k + "x" + n + " off " + off);
    }
  }

  @ParameterizedTest(name = "{0}x{1}x{2} offset {3}")
  @CsvSource({
    "1,1,1,0", "1,1,1,5", "3,0,4,2", "0,5,3,0", "5,3,0,1", "1,7,9,0", "9,7,1,3",
    "7,5,3,1", "13,17,19,4", "63,65,257,0", "65,64,255,2", "64,63,256,1", "2,129,3,0",
    "70,130,300,7", "16,9,7,2", "300,131,3,5", "130,64,1,1"
  })
  void everyVariantMatchesTheNaiveTripleLoop(int m, int k, int n, int off) {
    for (Variant v : Variant.values()) {
      checkAgainstNaive(v, m, k, n, off, 31L * m + 17L * k + n);
    }
  }

  /** Dimensions, offset and data seed of one random product. */
  record Dims(int m, int k, int n, int off, long seed, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** 60 cases (seed 301): m in [0, 70], k in [0, 140], n in [0, 300], offset in [0, 9]. */
  static List<Dims> randomDims() {
    long seed = 301;
    return RandomCases.generate(seed, 60, (rng, i) -> {
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
  void randomShapesMatchTheNaiveTripleLoop(Dims d) {
    for (Variant v : Variant.values()) {
      checkAgainstNaive(v, d.m(), d.k(), d.n(), d.off(), d.seed());
    }
  }

  @Test
  void productsAccumulateIntoC() {
    double[] a = {1, 2, 3, 4}; // [[1,2],[3,4]]
    double[] b = {5, 6, 7, 8}; // [[5,6],[7,8]]
    double[] c = {100, 200, 300, 400};
    MatMul.multiply(a, 0, b, 0, c, 0, 2, 2, 2);
    assertArrayEquals(new double[] {119, 222, 343, 450}, c);
    MatMul.multiplyTransposedB(a, 0, b, 0, c, 0, 2, 2, 2); // A·Bᵀ = [[17,23],[39,53]]
    assertArrayEquals(new double[] {136, 245, 382, 503}, c);
    MatMul.multiplyTransposedA(a, 0, b, 0, c, 0, 2, 2, 2); // Aᵀ·B = [[26,30],[38,44]]
    assertArrayEquals(new double[] {162, 275, 420, 547}, c);
  }

  @Test
  void elementsOutsideTheOutputRangeAreUntouched() {
    double[] a = {9, 1, 2, 9};
    double[] b = {9, 9, 3, 4, 9};
    double[] c = {-1, 0, 0, -1};
    MatMul.multiply(a, 1, b, 2, c, 1, 1, 2, 1); // [1 2] · [3 4]ᵀ = 11
    assertArrayEquals(new double[] {-1, 11, 0, -1}, c);
  }

  @Test
  void resultsAreBitwiseIdenticalForOneTwoAndThreeThreads() {
    int m = 300;
    int k = 257;
    int n = 129;
    SplittableRandom rng = new SplittableRandom(2024);
    double[] a = random(rng, m * k);
    double[] b = random(rng, k * n);
    double[] c0 = random(rng, m * n);
    for (Variant v : Variant.values()) {
      double[][] results = new double[3][];
      for (int t = 1; t <= 3; t++) {
        MatMul.setThreads(t);
        assertEquals(t, MatMul.threads());
        double[] c = c0.clone();
        call(v, a, 0, b, 0, c, 0, m, k, n);
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

  /**
   * The documented summation order, written out element by element: over k blocks of 64, inside
   * a block groups of four nested fused multiply-adds onto the running value, then the block's
   * remainder one fused multiply-add at a time. One output column with contiguous rows of A
   * (n = 1, not Aᵀ) is a dot product: four partial sums over p mod 4, ((s0 + s1) + (s2 + s3)),
   * the tail fused onto that, then added to c.
   */
  private static double documentedOrder(Variant v, double[] a, double[] b, double c, int i, int j,
      int m, int k, int n) {
    java.util.function.IntToDoubleFunction x =
        p -> v == Variant.TRANSPOSED_A ? a[p * m + i] : a[i * k + p];
    java.util.function.IntToDoubleFunction y =
        p -> v == Variant.TRANSPOSED_B ? b[j * k + p] : b[p * n + j];
    if (n == 1 && v != Variant.TRANSPOSED_A) {
      double[] s = new double[4];
      int k4 = k - k % 4;
      for (int p = 0; p < k4; p++) {
        s[p % 4] = Math.fma(x.applyAsDouble(p), y.applyAsDouble(p), s[p % 4]);
      }
      double u = (s[0] + s[1]) + (s[2] + s[3]);
      for (int p = k4; p < k; p++) {
        u = Math.fma(x.applyAsDouble(p), y.applyAsDouble(p), u);
      }
      return c + u;
    }
    for (int p0 = 0; p0 < k; p0 += 64) {
      int end = Math.min(k, p0 + 64);
      int p = p0;
      for (; p + 3 < end; p += 4) {
        c = Math.fma(x.applyAsDouble(p + 3), y.applyAsDouble(p + 3),
            Math.fma(x.applyAsDouble(p + 2), y.applyAsDouble(p + 2),
                Math.fma(x.applyAsDouble(p + 1), y.applyAsDouble(p + 1),
                    Math.fma(x.applyAsDouble(p), y.applyAsDouble(p), c))));
      }
      for (; p < end; p++) {
        c = Math.fma(x.applyAsDouble(p), y.applyAsDouble(p), c);
      }
    }
    return c;
  }

  @ParameterizedTest(name = "{0}x{1}x{2}")
  @CsvSource({"1,1,1", "5,7,1", "6,130,1", "3,131,5", "8,64,300", "7,67,257", "65,9,3",
      "16,70,7", "300,67,4", "40,5,1", "15,9,2", "130,2100,1"})
  void everyElementIsSummedInTheDocumentedOrderBitForBit(int m, int k, int n) {
    // Bitwise, not within a tolerance: this pins the order that makes results reproducible
    // (odd and even rows, k remainders and block edges, column panels, the one-column path).
    SplittableRandom rng = new SplittableRandom(11L * m + k + 7L * n);
    double[] a = random(rng, m * k);
    double[] b = random(rng, k * n);
    double[] c0 = random(rng, m * n);
    for (Variant v : Variant.values()) {
      for (int t = 1; t <= 2; t++) {
        MatMul.setThreads(t);
        double[] c = c0.clone();
        call(v, a, 0, b, 0, c, 0, m, k, n);
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

  @Test
  void wideShortProductsAlsoAgreeAcrossThreadCounts() {
    // m below one row tile, n spanning several column panels: the column split is exercised.
    int m = 3;
    int k = 100;
    int n = 1100;
    SplittableRandom rng = new SplittableRandom(7);
    double[] a = random(rng, m * k);
    double[] b = random(rng, k * n);
    double[] one = new double[m * n];
    MatMul.multiply(a, 0, b, 0, one, 0, m, k, n);
    MatMul.setThreads(2);
    double[] two = new double[m * n];
    MatMul.multiply(a, 0, b, 0, two, 0, m, k, n);
    assertArrayEquals(one, two);
  }

  @Test
  void badArgumentsAreRejectedWithTheirName() {
    double[] x = new double[16];
    assertMessage("m", () -> MatMul.multiply(x, 0, x.clone(), 0, new double[16], 0, -1, 2, 2));
    assertMessage("k", () -> MatMul.multiply(x, 0, x.clone(), 0, new double[16], 0, 2, -2, 2));
    assertMessage("n", () -> MatMul.multiplyTransposedA(x, 0, x.clone(), 0, new double[16], 0,
        2, 2, -3));
    assertMessage("aOff", () -> MatMul.multiply(x, -1, x.clone(), 0, new double[16], 0, 2, 2, 2));
    assertMessage("a is too short",
        () -> MatMul.multiply(new double[3], 0, x.clone(), 0, new double[16], 0, 2, 2, 2));
    assertMessage("b is too short",
        () -> MatMul.multiplyTransposedB(x, 0, new double[3], 0, new double[16], 0, 2, 2, 2));
    assertMessage("c is too short",
        () -> MatMul.multiply(x, 0, x.clone(), 0, new double[16], 13, 2, 2, 2));
    assertMessage("b must not be null",
        () -> MatMul.multiply(x, 0, null, 0, new double[16], 0, 2, 2, 2));
    assertMessage("c must not overlap a", () -> MatMul.multiply(x, 0, x.clone(), 0, x, 2, 2, 2, 2));
    assertMessage("threads must be >= 1, got 0", () -> MatMul.setThreads(0));
  }

  @Test
  void sameArrayIsAllowedWhenRangesAreDisjoint() {
    double[] x = {1, 2, 3, 4, 0};
    MatMul.multiply(x, 0, x, 2, x, 4, 1, 2, 1); // [1,2]·[3,4]ᵀ = 11
    assertEquals(11.0, x[4]);
  }

  private static void assertMessage(String fragment, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(fragment), () -> "message was: " + e.getMessage());
  }
}
