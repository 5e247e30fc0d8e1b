package org.mixrl.autodiff;

import java.util.function.Function;
import org.mixrl.tensor.Tensor;

/**
 * Second derivatives of a scalar function of a parameter vector.
 *
 * <p>Computed by central differences of the exact reverse-mode gradient, H e_j = (g(x + h e_j) -
 * g(x - h e_j)) / 2h, then symmetrised. This costs 2n backward passes and has O(h^2) error
 * (about 1e-9 relative for smooth f at h = 1e-5), which is ample for classifying stationary
 * points by eigenvalue sign; it avoids double-backward rules for every op.
 */
public final class Hessian {
  private Hessian() {}

  /** Exact gradient of {@code f} at {@code x} (a 1-D parameter vector). */
  public static double[] gradient(Function<Tensor, Tensor> f, double[] x) {
    return GradCheck.analyticGradients(in -> f.apply(in[0]), Tensor.vector(x))[0];
  }

  /** Hessian matrix of {@code f} at {@code x}, symmetrised. */
  public static double[][] of(Function<Tensor, Tensor> f, double[] x) {
    return of(f, x, GradCheck.DEFAULT_STEP);
  }

  /** Hessian with relative step {@code h}. */
  public static double[][] of(Function<Tensor, Tensor> f, double[] x, double h) {
    int n = x.length;
    double[][] hm = new double[n][n];
    double[] xp = x.clone();
    for (int j = 0; j < n; j++) {
      double step = h * Math.max(1.0, Math.abs(x[j]));
      xp[j] = x[j] + step;
      double[] gp = gradient(f, xp);
      xp[j] = x[j] - step;
      double[] gm = gradient(f, xp);
      xp[j] = x[j];
      for (int i = 0; i < n; i++) {
        hm[i][j] = (gp[i] - gm[i]) / (2 * step);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0.5 * (hm[i][j] + hm[j][i]);
        hm[i][j] = s;
        hm[j][i] = s;
      }
    }
    return hm;
  }

  /** Hessian-vector product H v by a central difference of the gradient along v. */
  public static double[] vectorProduct(Function<Tensor, Tensor> f, double[] x, double[] v) {
    if (v.length != x.length) {
      throw new IllegalArgumentException(
          "vectorProduct: v has length " + v.length + ", x has " + x.length);
    }
    double norm = 0;
    for (double e : v) {
      norm += e * e;
    }
    norm = Math.sqrt(norm);
    double[] out = new double[x.length];
    if (norm == 0) {
      return out;
    }
    double step = GradCheck.DEFAULT_STEP / norm;
    double[] xp = new double[x.length];
    double[] xm = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xp[i] = x[i] + step * v[i];
      xm[i] = x[i] - step * v[i];
    }
    double[] gp = gradient(f, xp);
    double[] gm = gradient(f, xm);
    for (int i = 0; i < x.length; i++) {
      out[i] = (gp[i] - gm[i]) / (2 * step);
    }
    return out;
  }

  /**
   * Eigenvalues of a symmetric matrix in ascending order, by cyclic Jacobi rotations (accurate
   * to machine precision for the small matrices of the theory toolkit).
   */
  public static double[] eigenvalues(double[][] symmetric) {
    int n = symmetric.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      if (symmetric[i].length != n) {
        throw new IllegalArgumentException(
            "eigenvalues: row " + i + " has length " + symmetric[i].length + ", need " + n);
      }
      a[i] = symmetric[i].clone();
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          off += a[i][j] * a[i][j];
        }
      }
      if (off < 1e-300) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
        }
      }
    }
    double[] ev = new double[n];
    for (int i = 0; i < n; i++) {
      ev[i] = a[i][i];
    }
    java.util.Arrays.sort(ev);
    return ev;
  }
}
