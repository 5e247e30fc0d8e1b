package org.mixrl.estimator;

import org.mixrl.policy.Mixture;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * MRP, the paper's estimator: marginalize the component index instead of sampling it.
 * L(theta) = sum_k w_k(theta) E_eps[f_theta(g_k(eps))]; with M draws eps_km per component the
 * surrogate is sum_k w_k * mean_m f_theta(g_k(eps_km)), the gradient flowing through w, through
 * a_k into Q, and through log pi (the full mixture density at a_k).
 *
 * <p>It costs K critic evaluations per draw. The matching entropy estimate is -sum_k w_k log
 * pi(a_k). With shared noise one eps_m serves every component (common random numbers).
 */
public final class MarginalizedReparameterization extends BaseEstimator<Mixture> {
  private final boolean sharedNoise;

  public MarginalizedReparameterization(int samplesPerComponent, boolean sharedNoise) {
    super("mrp", PolicyRequirement.MIXTURE, samplesPerComponent);
    this.sharedNoise = sharedNoise;
  }

  @Override
  public int criticEvaluationsPerState(int components) {
    return samples * components;
  }

  @Override
  protected Surrogate estimate(Mixture pi, ActionValue critic, double alpha, RandomStream rng) {
    int b = pi.batchSize();
    int k = pi.components();
    int d = pi.actionDim();
    Tensor eps =
        sharedNoise
            ? Tensor.randn(rng, b, samples, 1, d).expand(b, samples, k, d)
            : Tensor.randn(rng, b, samples, k, d);
    Tensor u = pi.componentLatents(eps).reshape(b, samples * k, d); // [B, M*K, d]
    Tensor logp = pi.logProbOfLatent(u); // [B, M*K]
    Tensor f = critic.valuesOf(pi.toAction(u)).sub(logp.mul(alpha)).reshape(b, samples, k);
    Tensor w = pi.weights().unsqueeze(1); // [B, 1, K]
    Tensor perState = f.mul(w).sum(2, false).mean(1, false); // [B]
    Tensor entropy;
    try (GradMode g = GradMode.noGrad()) {
      entropy =
          logp.reshape(b, samples, k).mul(w).sum(2, false).mean(1, false).neg().detach();
    }
    return new Surrogate(perState.mean(), entropy, samples * k);
  }
}
