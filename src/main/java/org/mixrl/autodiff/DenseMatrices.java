package org.mixrl.autodiff;

/**
 * The few dense-matrix operations the Hessian-based searches need, on {@code double[][]} (the
 * matrices are at most a few dozen rows; {@link Hessian#eigenvalues} is the other half).
 */
public final class DenseMatrices {
  private DenseMatrices() {}

  /**
   * x with a x = b, by Gaussian elimination with partial pivoting; {@code null} when a pivot is
   * below 1e-13 times the largest entry (numerically singular) or the result is not finite.
   */
  public static double[] solve(double[][] a, double[] b) {
    int n = a.length;
    if (b.length != n) {
      throw new IllegalArgumentException(
          "solve: b has length " + b.length + ", the matrix has " + n + " rows");
    }
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException(
            "solve: row " + i + " has length " + a[i].length + ", need " + n);
      }
      m[i] = a[i].clone();
    }
    double[] r = b.clone();
    double scale = Math.max(1e-300, maxAbs(m));
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[piv][col])) {
          piv = row;
        }
      }
      if (Math.abs(m[piv][col]) < 1e-13 * scale) {
        return null;
      }
      double[] tr = m[piv];
      m[piv] = m[col];
      m[col] = tr;
      double tb = r[piv];
      r[piv] = r[col];
      r[col] = tb;
      for (int row = col + 1; row < n; row++) {
        double f = m[row][col] / m[col][col];
        for (int c = col; c < n; c++) {
          m[row][c] -= f * m[col][c];
        }
        r[row] -= f * r[col];
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double s = r[row];
      for (int c = row + 1; c < n; c++) {
        s -= m[row][c] * x[c];
      }
      x[row] = s / m[row][row];
      if (!Double.isFinite(x[row])) {
        return null;
      }
    }
    return x;
  }

  /** B^T A B for a symmetric A [n, n] and a basis B [n, m] (columns): A restricted to span B. */
  public static double[][] restrict(double[][] a, double[][] basis) {
    int n = a.length;
    int m = basis[0].length;
    double[][] ab = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < m; c++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += a[i][k] * basis[k][c];
        }
        ab[i][c] = s;
      }
    }
    double[][] out = new double[m][m];
    for (int r = 0; r < m; r++) {
      for (int c = r; c < m; c++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += basis[k][r] * ab[k][c];
        }
        out[r][c] = s;
        out[c][r] = s;
      }
    }
    return out;
  }

  /** B^T v. */
  public static double[] project(double[][] basis, double[] v) {
    int m = basis[0].length;
    double[] out = new double[m];
    for (int c = 0; c < m; c++) {
      double s = 0;
      for (int k = 0; k < v.length; k++) {
        s += basis[k][c] * v[k];
      }
      out[c] = s;
    }
    return out;
  }

  /** B y. */
  public static double[] lift(double[][] basis, double[] y) {
    double[] out = new double[basis.length];
    for (int k = 0; k < basis.length; k++) {
      double s = 0;
      for (int c = 0; c < y.length; c++) {
        s += basis[k][c] * y[c];
      }
      out[k] = s;
    }
    return out;
  }

  /** A^T A for a square A (the Gauss-Newton matrix of a residual with Jacobian A). */
  public static double[][] gram(double[][] a) {
    int n = a.length;
    double[][] out = new double[n][n];
    for (int r = 0; r < n; r++) {
      for (int c = r; c < n; c++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += a[k][r] * a[k][c];
        }
        out[r][c] = s;
        out[c][r] = s;
      }
    }
    return out;
  }

  /** A - tau I. */
  public static double[][] shifted(double[][] a, double tau) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
      out[i][i] -= tau;
    }
    return out;
  }

  /** The largest |entry|. */
  public static double maxAbs(double[][] a) {
    double m = 0;
    for (double[] row : a) {
      for (double x : row) {
        m = Math.max(m, Math.abs(x));
      }
    }
    return m;
  }
}
