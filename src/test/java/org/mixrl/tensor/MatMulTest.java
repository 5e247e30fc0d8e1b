package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    "70,130,300,7"
  })
  void everyVariantMatchesTheNaiveTripleLoop(int m, int k, int n, int off) {
    for (Variant v : Variant.values()) {
      checkAgainstNaive(v, m, k, n, off, 31L * m + 17L * k + n);
    }
  }

  @Property(tries = 60)
  void randomShapesMatchTheNaiveTripleLoop(
      @ForAll @IntRange(min = 0, max = 70) int m,
      @ForAll @IntRange(min = 0, max = 140) int k,
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 9) int off,
      @ForAll long seed) {
    for (Variant v : Variant.values()) {
      checkAgainstNaive(v, m, k, n, off, seed);
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
