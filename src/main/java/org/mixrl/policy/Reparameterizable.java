package org.mixrl.policy;

import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/** A policy with a pathwise sample a = g_theta(eps): Gaussian and squashed Gaussian. */
public interface Reparameterizable extends Policy {
  /** The latent u = mu + sigma * eps for noise eps [B, M, d]; gradient flows to theta. */
  Tensor rsampleLatent(Tensor eps);

  /** a = g_theta(eps) for standard-normal noise eps [B, M, d]; gradient flows to theta. */
  default Tensor rsample(Tensor eps) {
    return toAction(rsampleLatent(eps));
  }

  /** M pathwise draws per state, [B, M, d]. */
  default Tensor rsample(RandomStream rng, int m) {
    return rsample(Tensor.randn(rng, batchSize(), m, actionDim()));
  }
}
