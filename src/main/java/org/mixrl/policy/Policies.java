package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/**
 * The four policy classes of the paper, built from their parameter tensors in one call instead
 * of nested constructors. Shapes: B states, K components, d action dimensions; squashed classes
 * act on {@code box} (the unit box [-1, 1]^d when it is left out).
 */
public final class Policies {
  private Policies() {}

  /** G: a diagonal Gaussian; mean and logStd [B, d]. */
  public static Normal gaussian(Tensor mean, Tensor logStd) {
    return new Normal(mean, logStd);
  }

  /** SG: a Gaussian squashed by tanh into the unit box; mean and logStd [B, d]. */
  public static SquashedNormal squashedGaussian(Tensor mean, Tensor logStd) {
    return squashedGaussian(mean, logStd, ActionBox.unit(mean.shape()[mean.shape().length - 1]));
  }

  /** SG into {@code box}. */
  public static SquashedNormal squashedGaussian(Tensor mean, Tensor logStd, ActionBox box) {
    return new SquashedNormal(new Normal(mean, logStd), new TanhSquash(box));
  }

  /** GM: a Gaussian mixture; logits [B, K], means and logStds [B, K, d]. */
  public static GaussianMixture gaussianMixture(Tensor logits, Tensor means, Tensor logStds) {
    return new GaussianMixture(logits, means, logStds);
  }

  /** SGM: a Gaussian mixture squashed into the unit box; shapes as {@link #gaussianMixture}. */
  public static SquashedGaussianMixture squashedGaussianMixture(Tensor logits, Tensor means,
      Tensor logStds) {
    return squashedGaussianMixture(logits, means, logStds,
        ActionBox.unit(means.shape()[means.shape().length - 1]));
  }

  /** SGM into {@code box}. */
  public static SquashedGaussianMixture squashedGaussianMixture(Tensor logits, Tensor means,
      Tensor logStds, ActionBox box) {
    return new SquashedGaussianMixture(new GaussianMixture(logits, means, logStds),
        new TanhSquash(box));
  }
}
