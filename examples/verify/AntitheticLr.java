import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.PolicyRequirement;
import org.mixrl.estimator.Surrogate;
import org.mixrl.policy.Mixture;
import org.mixrl.policy.Policy;
import org.mixrl.policy.Reparameterizable;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * A user-written estimator: the likelihood-ratio (score-function) gradient with antithetic
 * pairs. Each state draws noise eps and uses both u = mu_k + sigma_k eps and its mirror
 * u' = mu_k - sigma_k eps (same component k for a mixture); each is marginally a draw of the
 * policy, so the score-function average stays unbiased. The baseline of a state is the mean of
 * the other states' values, which does not depend on that state's pair.
 */
public class AntitheticLr implements Estimator {
  @Override
  public String name() {
    return "lr-antithetic";
  }

  @Override
  public PolicyRequirement requirement() {
    // G and SG have a pathwise sample, GM and SGM are mixtures: every class
    return PolicyRequirement.ANY;
  }

  @Override
  public int criticEvaluationsPerState(int components) {
    return 2;
  }

  @Override
  public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
    int states = policy.batchSize();
    Tensor eps = Tensor.randn(rng, states, 1, policy.actionDim());
    Tensor pair = Tensor.cat(1, eps, eps.neg()); // [B, 2, d]
    Tensor u; // detached latents: the score function needs no path through the draw
    Tensor f; // Q(a) - alpha log pi(a), detached
    try (GradMode off = GradMode.noGrad()) {
      if (policy instanceof Mixture m) {
        int[][] k = m.latent().sampleComponents(rng, 1);
        int[][] both = new int[states][];
        for (int s = 0; s < states; s++) {
          both[s] = new int[] {k[s][0], k[s][0]};
        }
        u = m.latent().chosenLatents(both, pair).detach();
      } else {
        u = ((Reparameterizable) policy).rsampleLatent(pair).detach();
      }
      f = critic.evaluate(policy.toAction(u)).sub(policy.logProbOfLatent(u).mul(alpha)).detach();
    }
    Tensor logp = policy.logProbOfLatent(u); // [B, 2], differentiable in the parameters
    Tensor objective = logp.mul(f.sub(baseline(f))).mean();
    return new Surrogate(objective, logp.mean(1, false).neg().detach(), 2);
  }

  /** For values f [B, 2]: each state's baseline is the mean over the other states, [B, 1]. */
  protected Tensor baseline(Tensor f) {
    Tensor perState = f.mean(1, true);
    return perState.sum().sub(perState).mul(1.0 / (f.size(0) - 1)).detach();
  }
}
