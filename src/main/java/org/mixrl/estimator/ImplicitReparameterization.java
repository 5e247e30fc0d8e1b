package org.mixrl.estimator;

import org.mixrl.policy.GaussianMixture;
import org.mixrl.policy.Mixture;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * IRG, implicit reparameterization (Figurnov et al. 2018; Graves 2016 for diagonal
 * multivariate mixtures). Draw u ~ q exactly, then give it the gradient of the inverse-CDF
 * path without inverting anything: for dimension j with conditional CDF F_j(u_j | u_&lt;j),
 * grad u_j = -(dF_j / dtheta) / q_j(u_j | u_&lt;j). Each u_j is rebuilt as
 *
 * <pre>  û_j = sg(u_j) - (F_j(sg(u_j) | û_&lt;j) - sg(F_j)) / sg(q_j)</pre>
 *
 * which has the value u_j and exactly that gradient; because F_j depends on û_&lt;j, the chain
 * through earlier dimensions (Graves' sequential conditionals) comes out of autodiff. The
 * conditional of a diagonal mixture is again a mixture, with weights proportional to w_k
 * prod_{i&lt;j} N(u_i; mu_ki, sigma_ki), so the construction is exact in every dimension.
 */
public final class ImplicitReparameterization extends BaseEstimator<Mixture> {
  private static final double DENSITY_FLOOR = 1e-300;

  public ImplicitReparameterization(int samplesPerState) {
    super("irg", PolicyRequirement.MIXTURE, samplesPerState);
  }

  @Override
  protected Surrogate estimate(Mixture pi, ActionValue critic, double alpha, RandomStream rng) {
    Tensor u = implicitLatents(pi.latent(), pi.sampleLatent(rng, samples));
    return pathwise(pi, u, critic, alpha);
  }

  /** Rebuilds detached draws u [B, M, d] of q as tensors carrying the implicit gradient. */
  static Tensor implicitLatents(GaussianMixture q, Tensor draws) {
    int b = draws.size(0);
    int m = draws.size(1);
    int d = draws.size(2);
    Tensor logPost = q.logWeights().unsqueeze(1); // [B, 1, K]: log weights given u_<j
    Tensor[] parts = new Tensor[d];
    for (int j = 0; j < d; j++) {
      Tensor uFlat = draws.narrow(2, j, 1).detach().reshape(b, m); // [B, M]
      Tensor post = logPost.softmax(2); // [B, 1 or M, K]
      Tensor cdf = post.mul(q.componentCdf(uFlat, j)).sum(2, false); // F_j, [B, M]
      Tensor density;
      try (GradMode g = GradMode.noGrad()) {
        density = logPost.logSoftmax(2).add(q.componentLogDensity(uFlat, j))
            .logsumexp(2, false).exp().detach();
        double[] dd = density.data();
        for (int i = 0; i < dd.length; i++) {
          dd[i] = Math.max(dd[i], DENSITY_FLOOR);
        }
      }
      Tensor implicit = uFlat.sub(cdf.sub(cdf.detach()).div(density));
      parts[j] = implicit;
      if (j + 1 < d) {
        // condition the next dimension on this one through the differentiable û_j
        logPost = logPost.add(q.componentLogDensity(implicit, j));
      }
    }
    return Tensor.stack(2, parts);
  }
}
