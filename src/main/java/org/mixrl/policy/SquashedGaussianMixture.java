package org.mixrl.policy;

import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * A Gaussian mixture over u pushed through a = c + h tanh(u): the same transform as {@link
 * SquashedNormal} ({@link Squashed}), applied to a {@link GaussianMixture} rather than copied
 * into it.
 */
public final class SquashedGaussianMixture extends Squashed<GaussianMixture> implements Mixture {
  public SquashedGaussianMixture(GaussianMixture base, TanhSquash squash) {
    super(base, squash);
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

  /** The squashed mean of the heaviest component. */
  @Override
  public Tensor mode() {
    try (GradMode g = GradMode.noGrad()) {
      return squash().apply(base.mode());
    }
  }
}
