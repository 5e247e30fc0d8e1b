package org.mixrl.theory;

import java.util.function.ToDoubleFunction;
import org.mixrl.tensor.Interrupts;

/** Derivative-free local maximisation (Nelder-Mead simplex) for the small theory searches. */
final class NelderMead {
  private NelderMead() {}

  /**
   * A local maximiser of {@code f} from {@code start} with initial simplex edge {@code step};
   * stops when the simplex's values agree to {@code tol} or after {@code maxEvals} evaluations.
   *
   * @param task what the search is for, named by the exception if the thread is interrupted
   * @throws java.util.concurrent.CancellationException if the thread is interrupted (checked
   *     once per iteration)
   */
  static double[] maximize(ToDoubleFunction<double[]> f, double[] start, double step, double tol,
      int maxEvals, String task) {
    int n = start.length;
    double[][] x = new double[n + 1][];
    double[] v = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      x[i] = start.clone();
      if (i > 0) {
        x[i][i - 1] += step;
      }
      v[i] = f.applyAsDouble(x[i]);
    }
    int evals = n + 1;
    while (evals < maxEvals) {
      int done = evals;
      Interrupts.check(() -> "in " + task + ": Nelder-Mead after " + done + " of at most "
          + maxEvals + " evaluations");
      // sort descending (best first)
      for (int i = 1; i <= n; i++) {
        for (int j = i; j > 0 && v[j] > v[j - 1]; j--) {
          double tv = v[j];
          v[j] = v[j - 1];
          v[j - 1] = tv;
          double[] tx = x[j];
          x[j] = x[j - 1];
          x[j - 1] = tx;
        }
      }
      if (Math.abs(v[0] - v[n]) <= tol * Math.max(1, Math.abs(v[0]))) {
        break;
      }
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          c[k] += x[i][k] / n;
        }
      }
      double[] xr = along(c, x[n], -1);
      double vr = f.applyAsDouble(xr);
      evals++;
      if (vr > v[0]) {
        double[] xe = along(c, x[n], -2);
        double ve = f.applyAsDouble(xe);
        evals++;
        if (ve > vr) {
          x[n] = xe;
          v[n] = ve;
        } else {
          x[n] = xr;
          v[n] = vr;
        }
      } else if (vr > v[n - 1]) {
        x[n] = xr;
        v[n] = vr;
      } else {
        double[] xc = along(c, x[n], vr > v[n] ? -0.5 : 0.5);
        double vc = f.applyAsDouble(xc);
        evals++;
        if (vc > Math.max(vr, v[n])) {
          x[n] = xc;
          v[n] = vc;
        } else {
          for (int i = 1; i <= n; i++) {
            x[i] = along(x[0], x[i], 0.5);
            v[i] = f.applyAsDouble(x[i]);
            evals++;
          }
        }
      }
    }
    int bi = 0;
    for (int i = 1; i <= n; i++) {
      if (v[i] > v[bi]) {
        bi = i;
      }
    }
    return x[bi];
  }

  /** c + t (p - c). */
  private static double[] along(double[] c, double[] p, double t) {
    double[] out = new double[c.length];
    for (int k = 0; k < c.length; k++) {
      out[k] = c[k] + t * (p[k] - c[k]);
    }
    return out;
  }
}
