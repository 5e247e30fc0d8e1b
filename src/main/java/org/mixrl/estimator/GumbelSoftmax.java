package org.mixrl.estimator;

import org.mixrl.policy.Mixture;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * GS: relax the component index to y = softmax((log w + G) / lambda), G ~ Gumbel, and use the
 * pathwise latent u = sum_k y_k (mu_k + sigma_k eps_k). Biased for lambda > 0 (u is not a
 * draw from the mixture); included as the classic alternative, with its bias measured.
 */
public final class GumbelSoftmax extends BaseEstimator<Mixture> {
  private final double temperature;

  public GumbelSoftmax(int samplesPerState, double temperature) {
    super("gs", PolicyRequirement.MIXTURE, samplesPerState);
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException(
          "gs: temperature must be finite and > 0, got " + temperature);
    }
    this.temperature = temperature;
  }

  @Override
  protected Surrogate estimate(Mixture pi, ActionValue critic, double alpha, RandomStream rng) {
    int b = pi.batchSize();
    int k = pi.components();
    int d = pi.actionDim();
    double[] g = new double[b * samples * k];
    for (int i = 0; i < g.length; i++) {
      g[i] = rng.nextGumbel();
    }
    Tensor gumbel = Tensor.of(g, b, samples, k);
    Tensor y = pi.logWeights().unsqueeze(1).add(gumbel).mul(1.0 / temperature).softmax(2);
    Tensor eps = Tensor.randn(rng, b, samples, k, d);
    Tensor uk = pi.componentLatents(eps); // [B, M, K, d]
    Tensor u = uk.mul(y.unsqueeze(3)).sum(2, false); // [B, M, d]
    return pathwise(pi, u, critic, alpha);
  }
}
