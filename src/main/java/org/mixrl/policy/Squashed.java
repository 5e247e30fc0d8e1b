package org.mixrl.policy;

import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * A policy over latents u pushed through a = c + h tanh(u) onto an action box: the base
 * distribution plus the transform and its log-det-Jacobian (torch.distributions'
 * TransformedDistribution). {@link SquashedNormal} and {@link SquashedGaussianMixture} add only
 * what their base kind has (a pathwise sample; components and weights) and their mode.
 *
 * @param <B> the base distribution over u
 */
public abstract sealed class Squashed<B extends Policy> implements Policy
    permits SquashedNormal, SquashedGaussianMixture {
  /** The distribution of u. */
  protected final B base;

  private final TanhSquash squash;

  Squashed(B base, TanhSquash squash) {
    if (squash.box().dim() != base.actionDim()) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + ": box has dimension " + squash.box().dim()
              + ", policy has " + base.actionDim());
    }
    this.base = base;
    this.squash = squash;
  }

  public TanhSquash squash() {
    return squash;
  }

  @Override
  public int batchSize() {
    return base.batchSize();
  }

  @Override
  public int actionDim() {
    return base.actionDim();
  }

  @Override
  public Tensor sampleLatent(RandomStream rng, int m) {
    return base.sampleLatent(rng, m);
  }

  @Override
  public Tensor toAction(Tensor latents) {
    return squash.apply(latents);
  }

  /** log q(u) - log|da/du|. */
  @Override
  public Tensor logProbOfLatent(Tensor latents) {
    return base.logProb(latents).sub(squash.logAbsDetJacobian(latents));
  }

  /** log q(u) - log|da/du| with u = atanh((a - c)/h). */
  @Override
  public Tensor logProb(Tensor actions) {
    checkActions(getClass().getSimpleName() + ".logProb", actions);
    return logProbOfLatent(squash.inverse(actions));
  }
}
