package org.mixrl.estimator;

import org.mixrl.policy.GaussianMixture;
import org.mixrl.policy.Mixture;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * RP-LR: reparameterize inside the sampled component, score function for the index. k ~ Cat(w),
 * a = g_k(eps); surrogate f_theta(g_k(eps)) + log w_k * sg(f_theta(a) - b). Unbiased.
 */
public final class ReparameterizedLikelihoodRatio extends BaseEstimator<Mixture> {
  private final Baseline baseline;

  public ReparameterizedLikelihoodRatio(int samplesPerState, Baseline baseline) {
    super("rplr", PolicyRequirement.MIXTURE, samplesPerState);
    this.baseline = baseline;
  }

  @Override
  protected Surrogate estimate(Mixture pi, ActionValue critic, double alpha, RandomStream rng) {
    GaussianMixture latent = pi.latent();
    int[][] k = latent.sampleComponents(rng, samples);
    Tensor eps = Tensor.randn(rng, pi.batchSize(), samples, pi.actionDim());
    Tensor u = latent.chosenLatents(k, eps); // [B, M, d], pathwise within component k
    Tensor logp = pi.logProbOfLatent(u); // full mixture density
    Tensor f = critic.valuesOf(pi.toAction(u)).sub(logp.mul(alpha)); // [B, M]
    Tensor fd = f.detach();
    Tensor score = latent.chosenLogWeights(k).mul(fd.sub(baseline.of(fd)).detach());
    return new Surrogate(f.add(score).mean(), Estimators.entropyOf(logp), samples);
  }
}
