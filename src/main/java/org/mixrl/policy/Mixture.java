package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/**
 * A K-component Gaussian mixture policy, possibly squashed: the component index is discrete, so
 * there is no plain pathwise sample; the estimators (MRP, RP-LR, GS, IRG) use these methods.
 *
 * <p>"Latent" is the unsquashed variable u (identical to the action for an unsquashed mixture).
 */
public interface Mixture extends Policy {
  /** Number of components K. */
  int components();

  /** log w, [B, K] (log-softmax of the logits). */
  Tensor logWeights();

  /** w, [B, K]. */
  Tensor weights();

  /** The unsquashed mixture over the latent u. */
  GaussianMixture latent();

  /**
   * Per-component pathwise latents u_k = mu_k + sigma_k * eps_k for noise [B, M, K, d]; returns
   * [B, M, K, d] with gradients to the component parameters.
   */
  Tensor componentLatents(Tensor eps);
}
