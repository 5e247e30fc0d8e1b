package org.mixrl.policy;

import java.util.function.UnaryOperator;
import org.mixrl.tensor.Tensor;

/**
 * Where each parameter of a policy sits in a flat vector of P numbers: the one statement of the
 * layout, used by bandit parameter vectors, the network head and the exact objectives.
 *
 * <ul>
 *   <li>G, SG: (mean[d], logStd[d]), P = 2d;
 *   <li>GM_K, SGM_K: (logits[K], means[K*d] component-major, logStds[K*d]), P = K(1 + 2d).
 * </ul>
 */
public record PolicyLayout(PolicyClass policyClass, int components, int dim) {
  public PolicyLayout {
    if (policyClass == null) {
      throw new IllegalArgumentException(
          "PolicyLayout: policy class must be one of g, sg, gm, sgm, got null");
    }
    if (dim < 1) {
      throw new IllegalArgumentException("PolicyLayout: dim must be >= 1, got " + dim);
    }
    if (policyClass.mixture() ? components < 1 : components != 1) {
      throw new IllegalArgumentException(
          "PolicyLayout: components must be >= 1 for a mixture and 1 otherwise, got "
              + components + " for " + policyClass.shortName());
    }
  }

  /** Number of parameters P. */
  public int count() {
    return logitCount() + 2 * components * dim;
  }

  /** K for mixtures, 0 for G and SG. */
  public int logitCount() {
    return policyClass.mixture() ? components : 0;
  }

  /** Index of component k's logit (mixtures only). */
  public int logitIndex(int k) {
    if (!policyClass.mixture()) {
      throw new IllegalArgumentException(
          "PolicyLayout: " + policyClass.shortName() + " has no logits");
    }
    return k;
  }

  /** Index of component k's mean in dimension j. */
  public int meanIndex(int k, int j) {
    return logitCount() + k * dim + j;
  }

  /** Index of component k's log-std in dimension j. */
  public int logStdIndex(int k, int j) {
    return logitCount() + components * dim + k * dim + j;
  }

  /** Names of the entries: logit[k], mean[k], log_std[k] (with [k,j] when d > 1). */
  public String[] names() {
    String[] names = new String[count()];
    int i = 0;
    for (int q = 0; q < logitCount(); q++) {
      names[i++] = "logit[" + q + "]";
    }
    for (String kind : new String[] {"mean", "log_std"}) {
      for (int q = 0; q < components; q++) {
        for (int j = 0; j < dim; j++) {
          names[i++] = kind + "[" + q + (dim > 1 ? "," + j : "") + "]";
        }
      }
    }
    return names;
  }

  /** The layout in words, e.g. "logits[3], means[3], logStds[3]" or "mean[2], logStd[2]". */
  public String describe() {
    int k = components;
    if (!policyClass.mixture()) {
      return dim == 1 ? "mean, logStd" : "mean[" + dim + "], logStd[" + dim + "]";
    }
    return dim == 1
        ? "logits[" + k + "], means[" + k + "], logStds[" + k + "]"
        : "logits[" + k + "], means[" + k + "*" + dim + "] component-major, logStds[" + k + "*"
            + dim + "]";
  }

  /**
   * The logits of a flat vector [P] or of rows [B, P], along the last axis: [K] or [B, K]
   * (mixtures only).
   */
  public Tensor logits(Tensor v) {
    if (!policyClass.mixture()) {
      throw new IllegalArgumentException(
          "PolicyLayout: " + policyClass.shortName() + " has no logits");
    }
    return v.narrow(v.rank() - 1, 0, components);
  }

  /** The means of a flat vector [P] or of rows [B, P], component-major: [K*d] or [B, K*d]. */
  public Tensor means(Tensor v) {
    return v.narrow(v.rank() - 1, logitCount(), components * dim);
  }

  /** The log-stds of a flat vector [P] or of rows [B, P], component-major: [K*d] or [B, K*d]. */
  public Tensor logStds(Tensor v) {
    return v.narrow(v.rank() - 1, logitCount() + components * dim, components * dim);
  }

  /**
   * The flat vector from its parts: {@code means[k]} and {@code logStds[k]} of length d per
   * component ({@code logits} ignored, may be null, for G and SG).
   */
  public double[] pack(double[] logits, double[][] means, double[][] logStds) {
    boolean ok = means.length == components && logStds.length == components
        && (!policyClass.mixture() || (logits != null && logits.length == components));
    for (int q = 0; ok && q < components; q++) {
      ok = means[q].length == dim && logStds[q].length == dim;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "pack: need " + components + " logits (mixtures only), and " + components
              + " means and logStds of length " + dim);
    }
    double[] theta = new double[count()];
    if (policyClass.mixture()) {
      System.arraycopy(logits, 0, theta, 0, components);
    }
    for (int q = 0; q < components; q++) {
      System.arraycopy(means[q], 0, theta, meanIndex(q, 0), dim);
      System.arraycopy(logStds[q], 0, theta, logStdIndex(q, 0), dim);
    }
    return theta;
  }

  /** {@link #pack(double[], double[][], double[][])} for d = 1: one mean and log-std each. */
  public double[] pack(double[] logits, double[] means, double[] logStds) {
    return pack(logits, column(means), column(logStds));
  }

  private static double[][] column(double[] v) {
    double[][] c = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      c[i] = new double[] {v[i]};
    }
    return c;
  }

  /**
   * The policy for {@code batch} identical states with parameters theta (a vector of P), on the
   * box [-1, 1]^d for squashed classes.
   */
  public Policy policy(Tensor theta, int batch) {
    checkTheta(theta, batch);
    Policy latent = latent(theta, batch);
    return squashed(latent, policyClass.squashed() ? new TanhSquash(ActionBox.unit(dim)) : null);
  }

  /**
   * The latent (unsquashed) distribution for {@code batch} identical states: a
   * {@link Normal} for G and SG, a {@link GaussianMixture} for GM and SGM.
   */
  public Policy latent(Tensor theta, int batch) {
    checkTheta(theta, batch);
    int k = components;
    int d = dim;
    if (!policyClass.mixture()) {
      Tensor mean = means(theta).reshape(1, d).expand(batch, d);
      Tensor logStd = logStds(theta).reshape(1, d).expand(batch, d);
      return new Normal(mean, logStd);
    }
    Tensor logits = logits(theta).reshape(1, k);
    Tensor means = means(theta).reshape(1, k, d).expand(batch, k, d);
    Tensor logStds = logStds(theta).reshape(1, k, d).expand(batch, k, d);
    // every row has the same logits: their log-softmax once, then expanded (same values)
    Tensor logWeights = logits.logSoftmax(1).expand(batch, k);
    return new GaussianMixture(logits.expand(batch, k), means, logStds, logWeights);
  }

  /**
   * The policy for rows of parameters [B, P] (one per state, e.g. a network's outputs), the raw
   * log-stds passed through {@code logStdMap}; {@code squash} is null for unsquashed classes.
   */
  public Policy policyOfRows(Tensor rows, UnaryOperator<Tensor> logStdMap, TanhSquash squash) {
    int b = rows.size(0);
    int k = components;
    int d = dim;
    if (!policyClass.mixture()) {
      Normal n = new Normal(means(rows), logStdMap.apply(logStds(rows)));
      return squashed(n, squash);
    }
    Tensor logits = logits(rows);
    Tensor means = means(rows).reshape(b, k, d);
    Tensor logStds = logStdMap.apply(logStds(rows)).reshape(b, k, d);
    return squashed(new GaussianMixture(logits, means, logStds), squash);
  }

  private Policy squashed(Policy latent, TanhSquash squash) {
    if (squash == null) {
      return latent;
    }
    return policyClass.mixture()
        ? new SquashedGaussianMixture((GaussianMixture) latent, squash)
        : new SquashedNormal((Normal) latent, squash);
  }

  private void checkTheta(Tensor theta, int batch) {
    int n = count();
    if (theta.rank() != 1 || theta.numel() != n) {
      throw new IllegalArgumentException(
          "StatelessPolicy: " + policyClass.shortName() + " with K=" + components + ", d=" + dim
              + " needs theta of length " + n + ", got shape "
              + java.util.Arrays.toString(theta.shape()));
    }
    if (batch < 1) {
      throw new IllegalArgumentException("StatelessPolicy: batch must be >= 1, got " + batch);
    }
  }
}
