package org.mixrl.policy;

import org.mixrl.tensor.GradMode;

/**
 * What a user looks at to see component collapse: the weights, the effective number of
 * components exp(H(w)) (K for uniform weights, 1 when one component holds all mass), and the
 * pairwise overlap of components as Bhattacharyya coefficients (1 = identical, 0 = disjoint).
 */
public final class MixtureDiagnostics {
  private MixtureDiagnostics() {}

  /** Batch averages of exp(H(w)) and of the largest weight; NaN for a non-mixture policy. */
  public record Summary(double effectiveComponents, double maxWeight) {}

  /** exp(H(w)) per state, [B]: H(w) = -sum_k w_k log w_k, with 0 log 0 = 0. */
  public static double[] effectiveComponents(Mixture mixture) {
    try (GradMode g = GradMode.noGrad()) {
      double[] lw = mixture.logWeights().data();
      int b = mixture.batchSize();
      int k = mixture.components();
      double[] out = new double[b];
      for (int i = 0; i < b; i++) {
        double h = 0;
        for (int j = 0; j < k; j++) {
          double w = Math.exp(lw[i * k + j]);
          // skip exact zeros so that 0 * -inf does not give NaN
          if (w > 0) {
            h -= w * lw[i * k + j];
          }
        }
        out[i] = Math.exp(h);
      }
      return out;
    }
  }

  /** Mean of exp(H(w)) over the batch. */
  public static double meanEffectiveComponents(Mixture mixture) {
    double s = 0;
    double[] e = effectiveComponents(mixture);
    for (double v : e) {
      s += v;
    }
    return s / e.length;
  }

  /** Batch averages of exp(H(w)) and max_k w_k; NaN for both when the policy is no mixture. */
  public static Summary summarize(Policy policy) {
    if (!(policy instanceof Mixture m)) {
      return new Summary(Double.NaN, Double.NaN);
    }
    try (GradMode g = GradMode.noGrad()) {
      double[] w = m.weights().data();
      int k = m.components();
      double maxSum = 0;
      for (int i = 0; i < m.batchSize(); i++) {
        double max = 0;
        for (int j = 0; j < k; j++) {
          max = Math.max(max, w[i * k + j]);
        }
        maxSum += max;
      }
      return new Summary(meanEffectiveComponents(m), maxSum / m.batchSize());
    }
  }

  /**
   * Bhattacharyya coefficient between components i and j of state b (of the latent
   * Gaussians): BC = exp(-D_B), with D_B = 1/8 (mu_i - mu_j)' S^-1 (mu_i - mu_j) + 1/2 log(det S
   * / sqrt(det S_i det S_j)), S = (S_i + S_j)/2, diagonal covariances.
   */
  public static double bhattacharyya(Mixture mixture, int b, int i, int j) {
    GaussianMixture q = mixture.latent();
    int k = q.components();
    int d = q.actionDim();
    if (b < 0 || b >= q.batchSize() || i < 0 || i >= k || j < 0 || j >= k) {
      throw new IndexOutOfBoundsException(
          "bhattacharyya: need 0 <= b < " + q.batchSize() + " and 0 <= i, j < " + k + ", got b="
              + b + " i=" + i + " j=" + j);
    }
    double[] mu = q.means().data();
    double[] ls = q.logStds().data();
    double dist = 0;
    for (int t = 0; t < d; t++) {
      int pi = (b * k + i) * d + t;
      int pj = (b * k + j) * d + t;
      double vi = Math.exp(2 * ls[pi]);
      double vj = Math.exp(2 * ls[pj]);
      double v = 0.5 * (vi + vj);
      double diff = mu[pi] - mu[pj];
      // log(v / sqrt(vi vj)) written with log-stds so tiny variances do not underflow
      double logRatio = Math.log(0.5 * (Math.exp(2 * (ls[pi] - ls[pj])) + 1)) + ls[pj] - ls[pi];
      dist += diff * diff / (8 * v) + 0.5 * logRatio;
    }
    return Math.exp(-dist);
  }

  /** The K x K matrix of Bhattacharyya coefficients for state b. */
  public static double[][] overlaps(Mixture mixture, int b) {
    int k = mixture.components();
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        m[i][j] = i == j ? 1.0 : bhattacharyya(mixture, b, i, j);
      }
    }
    return m;
  }
}
