package org.mixrl.policy;

import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * A Gaussian mixture over u pushed through a = c + h tanh(u): the same transform as {@link
 * SquashedNormal}, applied to a {@link GaussianMixture} rather than copied into it.
 */
public final class SquashedGaussianMixture implements Mixture {
  private final GaussianMixture base;
  private final TanhSquash squash;

  public SquashedGaussianMixture(GaussianMixture base, TanhSquash squash) {
    if (squash.box().dim() != base.actionDim()) {
      throw new IllegalArgumentException(
          "SquashedGaussianMixture: box has dimension " + squash.box().dim() + ", policy has "
              + base.actionDim());
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
  public int components() {
    return base.components();
  }

  @Override
  public Tensor logWeights() {
    return base.logWeights();
  }

  @Override
  public Tensor weights() {
    return base.weights();
  }

  @Override
  public GaussianMixture latent() {
    return base;
  }

  @Override
  public Tensor componentLatents(Tensor eps) {
    return base.componentLatents(eps);
  }

  @Override
  public Tensor toAction(Tensor latents) {
    return squash.apply(latents);
  }

  @Override
  public Tensor logProbOfLatent(Tensor latents) {
    return base.logProb(latents).sub(squash.logAbsDetJacobian(latents));
  }

  @Override
  public Tensor logProb(Tensor actions) {
    checkActions("SquashedGaussianMixture.logProb", actions);
    return logProbOfLatent(squash.inverse(actions));
  }

  @Override
  public Tensor sampleLatent(RandomStream rng, int m) {
    return base.sampleLatent(rng, m);
  }

  /** The squashed mean of the heaviest component. */
  @Override
  public Tensor mode() {
    try (GradMode g = GradMode.noGrad()) {
      return squash.apply(base.mode());
    }
  }
}
