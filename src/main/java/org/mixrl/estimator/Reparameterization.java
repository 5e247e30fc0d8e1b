package org.mixrl.estimator;

import org.mixrl.policy.Reparameterizable;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * RP: a = g_theta(eps); surrogate f_theta(g_theta(eps)) = Q(s, a) - alpha log pi_theta(a), with
 * the gradient flowing through Q into a and through both a and theta in log pi.
 */
public final class Reparameterization extends BaseEstimator<Reparameterizable> {

  public Reparameterization(int samplesPerState) {
    super("rp", PolicyRequirement.PATHWISE, samplesPerState);
  }

  @Override
  protected Surrogate estimate(Reparameterizable pi, ActionValue critic, double alpha, RandomStream rng) {
    Tensor eps = Tensor.randn(rng, pi.batchSize(), samples, pi.actionDim());
    Tensor u = pi.rsampleLatent(eps); // [B, M, d]
    return pathwise(pi, u, critic, alpha);
  }
}
