package org.mixrl.bench;

/**
 * The two-row, four-k fused multiply-add loop of {@link org.mixrl.tensor.MatMul} with nothing
 * around it: every row of A, B and C its own array, the whole k range per row pair, no blocking,
 * packing or copies. {@link MatMulBenchmark} times it next to {@code MatMul.multiply}, in the
 * same JVM, so that the cost of what surrounds the loop in the kernel shows in one run.
 */
final class ReferenceLoop {
  private ReferenceLoop() {}

  /** c += a·b for square row-array matrices of size n (n even, a multiple of 4). */
  static void multiply(double[][] a, double[][] b, double[][] c, int n) {
    for (int i = 0; i + 1 < n; i += 2) {
      double[] c0 = c[i];
      double[] c1 = c[i + 1];
      double[] a0 = a[i];
      double[] a1 = a[i + 1];
      for (int p = 0; p + 3 < n; p += 4) {
        twoRows(c0, c1, n, a0[p], a0[p + 1], a0[p + 2], a0[p + 3],
            a1[p], a1[p + 1], a1[p + 2], a1[p + 3], b[p], b[p + 1], b[p + 2], b[p + 3]);
      }
    }
  }

  private static void twoRows(double[] c0, double[] c1, int w,
      double a00, double a01, double a02, double a03,
      double a10, double a11, double a12, double a13,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    for (int j = 0; j < w; j++) {
      c0[j] = Math.fma(a03, b3[j], Math.fma(a02, b2[j], Math.fma(a01, b1[j],
          Math.fma(a00, b0[j], c0[j]))));
      c1[j] = Math.fma(a13, b3[j], Math.fma(a12, b2[j], Math.fma(a11, b1[j],
          Math.fma(a10, b0[j], c1[j]))));
    }
  }
}
