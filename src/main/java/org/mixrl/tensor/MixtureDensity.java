package org.mixrl.tensor;

import java.util.Arrays;

/**
 * The log-density of a diagonal Gaussian mixture as one graph node: {@code log pi(x) =
 * logsumexp_k(log w_k + sum_j log N(x_j; mu_kj, sigma_kj))}. Composed from primitives it is a
 * dozen nodes over [B, N, K, d] (each allocating, broadcasting and back-propagating on its own);
 * on the estimators' small tensors that bookkeeping cost more than the arithmetic (issue 11).
 * The forward value evaluates the composed expression in the same order, so it is the same
 * double; the backward rule sums the same terms in a different order, so gradients may differ
 * from the composed form in the last bits (checked against central differences in the tests).
 */
public final class MixtureDensity {
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  private MixtureDensity() {}

  /**
   * log pi(x) for x [B, N, d], means and logStds [B, K, d], logWeights [B, K] (log-softmax of
   * the logits); returns [B, N]. The log-sum-exp is shifted by its maximum, so it never
   * overflows; a row whose components all have log-density -inf gives -inf and no gradient.
   */
  public static Tensor logProb(Tensor x, Tensor means, Tensor logStds, Tensor logWeights) {
    check("MixtureDensity.logProb", x, means, logStds);
    int b = x.shape[0];
    int k = means.shape[1];
    if (!Arrays.equals(logWeights.shape, new int[] {b, k})) {
      throw new IllegalArgumentException("MixtureDensity.logProb: logWeights must be [B=" + b
          + ", K=" + k + "], got " + Shapes.str(logWeights.shape));
    }
    return build("mixtureLogProb", x, means, logStds, logWeights);
  }

  /**
   * sum_j log N(x_j; mu_j, sigma_j) for x [B, N, d] and one Gaussian per row, mean and logStd
   * [B, d]; returns [B, N]. The K = 1 case of {@link #logProb} without weights.
   */
  public static Tensor gaussianLogProb(Tensor x, Tensor mean, Tensor logStd) {
    if (mean.shape.length != 2 || !Arrays.equals(mean.shape, logStd.shape)) {
      throw new IllegalArgumentException("MixtureDensity.gaussianLogProb: need mean and logStd"
          + " [B, d] of one shape, got " + Shapes.str(mean.shape) + ", "
          + Shapes.str(logStd.shape));
    }
    int[] s3 = {mean.shape[0], 1, mean.shape[1]};
    Tensor m3 = mean.reshape(s3);
    Tensor l3 = logStd.reshape(s3);
    check("MixtureDensity.gaussianLogProb", x, m3, l3);
    return build("gaussianLogProb", x, m3, l3, null);
  }

  private static void check(String op, Tensor x, Tensor means, Tensor logStds) {
    int[] xs = x.shape;
    int[] ms = means.shape;
    if (xs.length != 3 || ms.length != 3 || !Arrays.equals(ms, logStds.shape)
        || ms[0] != xs[0] || ms[2] != xs[2]) {
      throw new IllegalArgumentException(op + ": need x [B, N, d] and means, logStds [B, K, d]"
          + " with the same B and d, got " + Shapes.str(xs) + ", " + Shapes.str(ms) + ", "
          + Shapes.str(logStds.shape));
    }
  }

  /** The node; {@code logWeights} null means K = 1 and no log-sum-exp. */
  private static Tensor build(String op, Tensor x, Tensor means, Tensor logStds,
      Tensor logWeights) {
    int b = x.shape[0];
    int n = x.shape[1];
    int d = x.shape[2];
    int k = means.shape[1];
    double[] xv = x.data;
    double[] mu = means.data;
    double[] ls = logStds.data;
    // exp(-log sigma) once per component, as the composed form's neg().exp() computes it
    double[] inv = new double[ls.length];
    for (int i = 0; i < ls.length; i++) {
      inv[i] = Math.exp(ls[i] * -1.0);
    }
    double[] z = new double[b * n * k * d]; // standardized values, kept for the backward rule
    double[] joint = logWeights == null ? null : new double[b * n * k];
    // each component's responsibility exp(joint - lse), for the backward rule
    double[] resp = logWeights == null ? null : new double[b * n * k];
    double[] out = new double[b * n];
    for (int bi = 0; bi < b; bi++) {
      for (int ni = 0; ni < n; ni++) {
        int row = bi * n + ni;
        if (d == 1 && joint != null) {
          // the loop below for d = 1 (same expressions), without its one-pass inner loop
          double xr = xv[row];
          for (int ki = 0; ki < k; ki++) {
            int comp = bi * k + ki;
            double zz = (xr - mu[comp]) * inv[comp];
            z[row * k + ki] = zz;
            double sum = 0;
            sum += zz * zz * -0.5 - ls[comp] - HALF_LOG_2PI;
            joint[row * k + ki] = sum + logWeights.data[comp];
          }
          out[row] = logSumExp(joint, row * k, k, resp);
          continue;
        }
        for (int ki = 0; ki < k; ki++) {
          int comp = (bi * k + ki) * d;
          int zi = (row * k + ki) * d;
          double sum = 0;
          for (int j = 0; j < d; j++) {
            double zz = (xv[row * d + j] - mu[comp + j]) * inv[comp + j];
            z[zi + j] = zz;
            // the composed order: ((z^2 * -0.5) - log sigma) - log sqrt(2 pi)
            sum += zz * zz * -0.5 - ls[comp + j] - HALF_LOG_2PI;
          }
          if (joint == null) {
            out[row] = sum;
          } else {
            joint[row * k + ki] = sum + logWeights.data[bi * k + ki];
          }
        }
        if (joint != null) {
          out[row] = logSumExp(joint, row * k, k, resp);
        }
      }
    }
    Backward rule = (g, grads) -> {
      double[] gx = grads.of(x);
      double[] gmu = grads.of(means);
      double[] gls = grads.of(logStds);
      double[] gw = logWeights == null ? null : grads.of(logWeights);
      for (int bi = 0; bi < b; bi++) {
        for (int ni = 0; ni < n; ni++) {
          int row = bi * n + ni;
          double lse = out[row];
          if (joint != null && lse == Double.NEGATIVE_INFINITY) {
            continue; // no mass in any component: no gradient (as logsumexp's rule)
          }
          if (d == 1) {
            oneDimension(g[row], row, bi * k, k, z, inv, resp, gx, gmu, gls, gw);
            continue;
          }
          for (int ki = 0; ki < k; ki++) {
            // upstream times the component's responsibility exp(joint - lse)
            double w = joint == null ? g[row] : g[row] * resp[row * k + ki];
            if (gw != null) {
              gw[bi * k + ki] += w;
            }
            int comp = (bi * k + ki) * d;
            int zi = (row * k + ki) * d;
            for (int j = 0; j < d; j++) {
              double zz = z[zi + j];
              // d/dmu = z / sigma, d/dx = -z / sigma, d/dlog sigma = z^2 - 1
              double dz = w * zz * inv[comp + j];
              if (gmu != null) {
                gmu[comp + j] += dz;
              }
              if (gx != null) {
                gx[row * d + j] -= dz;
              }
              if (gls != null) {
                gls[comp + j] += w * (zz * zz - 1);
              }
            }
          }
        }
      }
    };
    return logWeights == null
        ? Tensor.result(op, out, new int[] {b, n}, rule, x, means, logStds)
        : Tensor.result(op, out, new int[] {b, n}, rule, x, means, logStds, logWeights);
  }

  /**
   * The backward rule's loop over the K components of one row when d = 1 (every policy of the
   * 1-D tasks): the same terms in the same order as the general loop, without its inner loop
   * of one pass and with the row's x-gradient kept in a register (a third of the rule's time
   * on the estimators' shapes).
   */
  private static void oneDimension(double gRow, int row, int compBase, int k, double[] z,
      double[] inv, double[] resp, double[] gx, double[] gmu, double[] gls, double[] gw) {
    double gxRow = gx == null ? 0 : gx[row];
    for (int ki = 0; ki < k; ki++) {
      double w = resp == null ? gRow : gRow * resp[row * k + ki];
      int comp = compBase + ki;
      if (gw != null) {
        gw[comp] += w;
      }
      double zz = z[row * k + ki];
      double dz = w * zz * inv[comp];
      if (gmu != null) {
        gmu[comp] += dz;
      }
      gxRow -= dz;
      if (gls != null) {
        gls[comp] += w * (zz * zz - 1);
      }
    }
    if (gx != null) {
      gx[row] = gxRow;
    }
  }

  /**
   * log sum_i exp(v[from + i]) over {@code len} entries, as {@code Tensor.logsumexp} computes
   * it; writes the normalized weights exp(v_i - lse) (as exp(v_i - max) / sum, no second exp)
   * to {@code resp}, left 0 for a row whose maximum is not finite.
   */
  private static double logSumExp(double[] v, int from, int len, double[] resp) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < len; i++) {
      m = Math.max(m, v[from + i]);
    }
    if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY || Double.isNaN(m)) {
      return m;
    }
    double s = 0;
    for (int i = 0; i < len; i++) {
      double e = Math.exp(v[from + i] - m);
      resp[from + i] = e;
      s += e;
    }
    double inv = 1.0 / s;
    for (int i = 0; i < len; i++) {
      resp[from + i] *= inv;
    }
    return m + Math.log(s);
  }
}
