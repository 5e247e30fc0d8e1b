package org.mixrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/** Hessians, Hessian-vector products and symmetric eigenvalues against closed forms. */
class HessianTest {
  private static final double TOL = 1e-6;

  // f(x) = 1/2 x^T A x + b^T x with A symmetric: H = A everywhere
  private static final double[][] A = {{4, 1, -2}, {1, 3, 0.5}, {-2, 0.5, 5}};

  private static Tensor quadratic(Tensor x) {
    Tensor a = Tensor.matrix(A);
    Tensor col = x.reshape(3, 1);
    Tensor b = Tensor.vector(1, -1, 2);
    return col.t().matmul(a).matmul(col).sum().mul(0.5).add(x.mul(b).sum());
  }

  // f(x, y) = x^3 y + 2 y^2 x + y^3: H = [[6xy, 3x^2 + 4y], [3x^2 + 4y, 4x + 6y]]
  private static Tensor cubic(Tensor v) {
    Tensor x = v.slice(0, 0, 1);
    Tensor y = v.slice(0, 1, 2);
    return x.pow(3).mul(y).add(y.square().mul(x).mul(2)).add(y.pow(3)).sum();
  }

  @Test
  void quadraticHessianIsItsMatrix() {
    double[][] h = Hessian.of(HessianTest::quadratic, new double[] {0.3, -1.2, 2.0});
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(A[i], h[i], TOL);
    }
  }

  @Test
  void cubicHessianMatchesClosedForm() {
    double x = 1.5;
    double y = -0.7;
    double[][] h = Hessian.of(HessianTest::cubic, new double[] {x, y});
    assertArrayEquals(new double[] {6 * x * y, 3 * x * x + 4 * y}, h[0], TOL);
    assertArrayEquals(new double[] {3 * x * x + 4 * y, 4 * x + 6 * y}, h[1], TOL);
  }

  @Test
  void gradientIsExact() {
    double[] g = Hessian.gradient(HessianTest::cubic, new double[] {2, 1});
    // df/dx = 3x^2 y + 2y^2 = 14; df/dy = x^3 + 4xy + 3y^2 = 19
    assertArrayEquals(new double[] {14, 19}, g, 1e-12);
  }

  @Test
  void vectorProductEqualsHessianTimesV() {
    double[] x = {0.4, -0.3, 1.1};
    double[] v = {1, -2, 0.5};
    double[] hv = Hessian.vectorProduct(HessianTest::quadratic, x, v);
    for (int i = 0; i < 3; i++) {
      double expected = 0;
      for (int j = 0; j < 3; j++) {
        expected += A[i][j] * v[j];
      }
      assertEquals(expected, hv[i], TOL);
    }
    double[][] h = Hessian.of(HessianTest::cubic, new double[] {0.8, 1.3});
    double[] w = {0.3, -0.9};
    double[] hw = Hessian.vectorProduct(HessianTest::cubic, new double[] {0.8, 1.3}, w);
    for (int i = 0; i < 2; i++) {
      assertEquals(h[i][0] * w[0] + h[i][1] * w[1], hw[i], TOL);
    }
    assertArrayEquals(new double[3], Hessian.vectorProduct(HessianTest::quadratic, x, new double[3]));
    assertThrows(IllegalArgumentException.class,
        () -> Hessian.vectorProduct(HessianTest::quadratic, x, new double[2]));
  }

  @Test
  void eigenvaluesOfHand2x2() {
    // [[2,1],[1,2]] has eigenvalues 1 and 3; [[0,1],[1,0]] has -1 and 1
    assertArrayEquals(new double[] {1, 3}, Hessian.eigenvalues(new double[][] {{2, 1}, {1, 2}}),
        1e-12);
    assertArrayEquals(new double[] {-1, 1}, Hessian.eigenvalues(new double[][] {{0, 1}, {1, 0}}),
        1e-12);
    assertArrayEquals(new double[] {-2, 5}, Hessian.eigenvalues(new double[][] {{5, 0}, {0, -2}}));
  }

  @Test
  void eigenvaluesOfRandomSymmetricMatrixSatisfyTraceAndDeterminantIdentities() {
    RandomStream rng = RandomStream.of(31);
    for (int n : new int[] {2, 3, 5, 8}) {
      double[][] m = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          m[i][j] = m[j][i] = rng.nextGaussian();
        }
      }
      double[] ev = Hessian.eigenvalues(m);
      double trace = 0;
      double traceSq = 0; // tr(M^2) = sum of squares of entries = sum of lambda^2
      for (int i = 0; i < n; i++) {
        trace += m[i][i];
        for (int j = 0; j < n; j++) {
          traceSq += m[i][j] * m[i][j];
        }
      }
      double sum = 0;
      double sumSq = 0;
      double prod = 1;
      for (int i = 0; i < n; i++) {
        sum += ev[i];
        sumSq += ev[i] * ev[i];
        prod *= ev[i];
        if (i > 0) {
          assertEquals(true, ev[i - 1] <= ev[i], "ascending order");
        }
      }
      assertEquals(trace, sum, 1e-10);
      assertEquals(traceSq, sumSq, 1e-10);
      assertEquals(determinant(m), prod, 1e-9 * Math.max(1, Math.abs(prod)));
    }
  }

  @Test
  void eigenvaluesRejectNonSquare() {
    assertThrows(IllegalArgumentException.class,
        () -> Hessian.eigenvalues(new double[][] {{1, 2}, {3}}));
  }

  /** Determinant by Gaussian elimination with partial pivoting (independent of Jacobi). */
  private static double determinant(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = m[i].clone();
    }
    double det = 1;
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      if (p != c) {
        double[] t = a[p];
        a[p] = a[c];
        a[c] = t;
        det = -det;
      }
      det *= a[c][c];
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    return det;
  }
}
