package org.mixrl.tensor;

/** Placeholder naive kernel; replaced by the blocked kernel. C += A B (row-major). */
public final class MatMul {
  private MatMul() {}

  public static void multiply(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
      int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        double av = a[aOff + i * k + p];
        for (int j = 0; j < n; j++) {
          c[cOff + i * n + j] += av * b[bOff + p * n + j];
        }
      }
    }
  }

  public static void multiplyTransposedB(double[] a, int aOff, double[] b, int bOff, double[] c,
      int cOff, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a[aOff + i * k + p] * b[bOff + j * k + p];
        }
        c[cOff + i * n + j] += s;
      }
    }
  }

  public static void multiplyTransposedA(double[] a, int aOff, double[] b, int bOff, double[] c,
      int cOff, int m, int k, int n) {
    for (int p = 0; p < k; p++) {
      for (int i = 0; i < m; i++) {
        double av = a[aOff + p * m + i];
        for (int j = 0; j < n; j++) {
          c[cOff + i * n + j] += av * b[bOff + p * n + j];
        }
      }
    }
  }
}
