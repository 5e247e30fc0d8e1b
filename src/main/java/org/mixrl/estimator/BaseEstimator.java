package org.mixrl.estimator;

import org.mixrl.policy.Policy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * What every estimator shares: its name, the policies it applies to, M draws per state
 * (checked once here), and the check of policy and alpha before each surrogate. A subclass
 * writes only {@link #estimate}, for the policy type {@code P} its requirement guarantees
 * ({@code Policy} for {@code ANY}, {@code Reparameterizable} for {@code PATHWISE},
 * {@code Mixture} for {@code MIXTURE}).
 *
 * @param <P> the policy type the requirement guarantees
 */
public abstract class BaseEstimator<P extends Policy> implements Estimator {
  /** Draws per state (per component for MRP), M >= 1. */
  protected final int samples;

  private final String name;
  private final PolicyRequirement requirement;

  protected BaseEstimator(String name, PolicyRequirement requirement, int samplesPerState) {
    if (samplesPerState < 1) {
      throw new IllegalArgumentException(
          name + ": samples per state must be >= 1, got " + samplesPerState);
    }
    this.name = name;
    this.requirement = requirement;
    this.samples = samplesPerState;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final PolicyRequirement requirement() {
    return requirement;
  }

  /** M per state; estimators that evaluate every component override this. */
  @Override
  public int criticEvaluationsPerState(int components) {
    return samples;
  }

  /** Checks policy and alpha ({@link #check}), then builds the subclass's surrogate. */
  @Override
  @SuppressWarnings("unchecked") // check() has verified the requirement, which implies P
  public final Surrogate surrogate(
      Policy policy, ActionValue critic, double alpha, RandomStream rng) {
    check(policy, alpha);
    return estimate((P) policy, critic, alpha, rng);
  }

  /** The surrogate for one batch; policy and alpha are already checked. */
  protected abstract Surrogate estimate(P pi, ActionValue critic, double alpha, RandomStream rng);

  /**
   * The pathwise surrogate of latents u [B, M, d] that carry the gradient: mean of
   * f = Q(s, tanh-or-identity(u)) - alpha log pi(u), with the entropy estimate -mean log pi.
   */
  protected final Surrogate pathwise(Policy pi, Tensor u, ActionValue critic, double alpha) {
    Tensor logp = pi.logProbOfLatent(u); // [B, M]
    Tensor f = critic.valuesOf(pi.toAction(u)).sub(logp.mul(alpha));
    return new Surrogate(f.mean(), Estimators.entropyOf(logp), samples);
  }
}
