package org.mixrl.policy;

import java.util.Arrays;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.MixtureDensity;
import org.mixrl.tensor.SpecialOps;
import org.mixrl.tensor.Tensor;

/**
 * Mixture of K diagonal Gaussians per state: pi(a) = sum_k w_k N(a; mu_k, diag(sigma_k^2)) with
 * w = softmax(logits). logits [B, K], means and logStds [B, K, d].
 *
 * <p>log pi(a) = logsumexp_k(log_softmax(logits)_k + log N(a; mu_k, sigma_k)): no weight or
 * density is ever formed outside the log domain, so weights down to 1e-300 stay exact.
 */
public final class GaussianMixture implements Mixture {
  private final Tensor logits;
  private final Tensor means;
  private final Tensor logStds;
  private final Tensor logWeights;

  public GaussianMixture(Tensor logits, Tensor means, Tensor logStds) {
    this(logits, means, logStds, null);
  }

  /**
   * With {@code logWeights} = log-softmax of the logits already computed (or null to compute
   * it here): a policy whose rows all share one set of logits computes it once and expands.
   */
  GaussianMixture(Tensor logits, Tensor means, Tensor logStds, Tensor logWeights) {
    int[] l = logits.shape();
    int[] m = means.shape();
    if (l.length != 2 || m.length != 3 || l[0] != m[0] || l[1] != m[1]
        || !Arrays.equals(m, logStds.shape())) {
      throw new IllegalArgumentException(
          "GaussianMixture: need logits [B, K] and means, logStds [B, K, d]; got "
              + Arrays.toString(l) + ", " + Arrays.toString(m) + ", "
              + Arrays.toString(logStds.shape()));
    }
    if (l[1] < 1) {
      throw new IllegalArgumentException("GaussianMixture: need K >= 1 components, got " + l[1]);
    }
    this.logits = logits;
    this.means = means;
    this.logStds = logStds;
    if (logWeights != null && !Arrays.equals(logWeights.shape(), l)) {
      throw new IllegalArgumentException("GaussianMixture: logWeights must have the logits'"
          + " shape " + Arrays.toString(l) + ", got " + Arrays.toString(logWeights.shape()));
    }
    this.logWeights = logWeights != null ? logWeights : logits.logSoftmax(1);
  }

  public Tensor logits() {
    return logits;
  }

  public Tensor means() {
    return means;
  }

  public Tensor logStds() {
    return logStds;
  }

  @Override
  public int batchSize() {
    return means.size(0);
  }

  @Override
  public int components() {
    return means.size(1);
  }

  @Override
  public int actionDim() {
    return means.size(2);
  }

  @Override
  public Tensor logWeights() {
    return logWeights;
  }

  @Override
  public Tensor weights() {
    // softmax as exp of the log-weights already in the graph: the same values, and the
    // log-softmax is computed (and differentiated) once per policy instead of once per call
    if (logits.requiresGrad() && !logWeights.requiresGrad() && GradMode.isEnabled()) {
      return logits.softmax(1); // built under noGrad, asked for a gradient now
    }
    return logWeights.exp();
  }

  @Override
  public GaussianMixture latent() {
    return this;
  }

  /** log w_k + log N(x; mu_k, sigma_k) for x [B, M, d]; returns [B, M, K]. */
  public Tensor jointLogProb(Tensor x) {
    Tensor perDim =
        GaussianMath.logDensity(x.unsqueeze(2), means.unsqueeze(1), logStds.unsqueeze(1));
    return perDim.sum(3, false).add(logWeights.unsqueeze(1));
  }

  /**
   * log N(x_j; mu_kj, sigma_kj) of every component in dimension j, for values x_j [B, M];
   * returns [B, M, K].
   */
  public Tensor componentLogDensity(Tensor xj, int j) {
    return GaussianMath.logDensity(xj.unsqueeze(2), dimension(means, j), dimension(logStds, j));
  }

  /** Phi((x_j - mu_kj) / sigma_kj): every component's CDF in dimension j, [B, M] -> [B, M, K]. */
  public Tensor componentCdf(Tensor xj, int j) {
    return SpecialOps.normalCdf(
        GaussianMath.standardize(xj.unsqueeze(2), dimension(means, j), dimension(logStds, j)));
  }

  /** Dimension j of a [B, K, d] parameter as [B, 1, K], to broadcast against [B, M, 1]. */
  private Tensor dimension(Tensor p, int j) {
    if (j < 0 || j >= actionDim()) {
      throw new IllegalArgumentException(
          "GaussianMixture: dimension must be in 0.." + (actionDim() - 1) + ", got " + j);
    }
    return p.narrow(2, j, 1).reshape(batchSize(), 1, components());
  }

  @Override
  public Tensor logProb(Tensor actions) {
    checkActions("GaussianMixture.logProb", actions);
    // one fused node; the same value as jointLogProb(actions).logsumexp(2, false)
    return MixtureDensity.logProb(actions, means, logStds, logWeights);
  }

  @Override
  public Tensor logProbOfLatent(Tensor latents) {
    return logProb(latents);
  }

  @Override
  public Tensor toAction(Tensor latents) {
    return latents;
  }

  @Override
  public Tensor componentLatents(Tensor eps) {
    int[] s = eps.shape();
    if (s.length != 4 || s[0] != batchSize() || s[2] != components() || s[3] != actionDim()) {
      throw new IllegalArgumentException(
          "componentLatents: noise must be [B=" + batchSize() + ", M, K=" + components() + ", d="
              + actionDim() + "], got " + Arrays.toString(s));
    }
    return means.unsqueeze(1).add(logStds.exp().unsqueeze(1).mul(eps));
  }

  /** Component indices k ~ Cat(w) for each state and draw, idx[b][m] (no gradient). */
  public int[][] sampleComponents(RandomStream rng, int m) {
    int b = batchSize();
    int k = components();
    double[] w = weights().detach().data();
    int[][] idx = new int[b][m];
    double[] row = new double[k];
    for (int i = 0; i < b; i++) {
      System.arraycopy(w, i * k, row, 0, k);
      for (int j = 0; j < m; j++) {
        idx[i][j] = rng.nextCategorical(row);
      }
    }
    return idx;
  }

  /**
   * Pathwise latents of the chosen components, mu_k + sigma_k * eps for eps [B, M, d]; the
   * gradient reaches the chosen component's mean and log-std only (the index is discrete).
   */
  public Tensor chosenLatents(int[][] components, Tensor eps) {
    int b = batchSize();
    int m = eps.size(1);
    int d = actionDim();
    double[] index = new double[b * m * d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < m; j++) {
        Arrays.fill(index, (i * m + j) * d, (i * m + j + 1) * d, components[i][j]);
      }
    }
    Tensor idx = Tensor.of(index, b, m, d);
    // gather along K with an index [B, M, d]: M rows taken per state
    Tensor mu = means.gather(1, idx);
    Tensor ls = logStds.gather(1, idx);
    return mu.add(ls.exp().mul(eps));
  }

  /** log w_k of chosen components, [B, M]. */
  public Tensor chosenLogWeights(int[][] components) {
    int b = batchSize();
    int m = components[0].length;
    double[] index = new double[b * m];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < m; j++) {
        index[i * m + j] = components[i][j];
      }
    }
    return logWeights.gather(1, Tensor.of(index, b, m));
  }

  @Override
  public Tensor sampleLatent(RandomStream rng, int m) {
    try (GradMode g = GradMode.noGrad()) {
      int[][] k = sampleComponents(rng, m);
      Tensor eps = Tensor.randn(rng, batchSize(), m, actionDim());
      return chosenLatents(k, eps).detach();
    }
  }

  /** The mean of the heaviest component per state, [B, d]. */
  @Override
  public Tensor mode() {
    try (GradMode g = GradMode.noGrad()) {
      Tensor heaviest = logits.argmax(1, false);
      int b = batchSize();
      int d = actionDim();
      double[] idx = new double[b * d];
      for (int i = 0; i < b; i++) {
        Arrays.fill(idx, i * d, (i + 1) * d, heaviest.data()[i]);
      }
      return means.gather(1, Tensor.of(idx, b, 1, d)).reshape(b, d);
    }
  }
}
