package org.mixrl.estimator;

import org.mixrl.policy.Policy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * LR (score function): a ~ pi with no gradient through a; surrogate log pi_theta(a) * sg(Q(s, a)
 * - alpha log pi_theta(a) - b). Applies to every policy class.
 */
public final class LikelihoodRatio extends BaseEstimator<Policy> {
  private final Baseline baseline;

  public LikelihoodRatio(int samplesPerState, Baseline baseline) {
    super("lr", PolicyRequirement.ANY, samplesPerState);
    this.baseline = baseline;
  }

  @Override
  protected Surrogate estimate(Policy pi, ActionValue critic, double alpha, RandomStream rng) {
    Tensor u = pi.sampleLatent(rng, samples); // detached latents [B, M, d]
    Tensor logp = pi.logProbOfLatent(u); // [B, M], gradient to theta only
    Tensor f;
    try (GradMode g = GradMode.noGrad()) {
      f = critic.valuesOf(pi.toAction(u)).sub(logp.mul(alpha)).detach();
    }
    Tensor advantage = f.sub(baseline.of(f)).detach();
    return new Surrogate(logp.mul(advantage).mean(), Estimators.entropyOf(logp), samples);
  }
}
