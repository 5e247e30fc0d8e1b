package org.mixrl.estimator;

import org.mixrl.policy.Policy;
import org.mixrl.random.RandomStream;

/**
 * A gradient estimator of L(theta) = E_{a ~ pi}[Q(s, a) - alpha log pi(a | s)], averaged over
 * the batch of states, written as a surrogate loss for the one autodiff engine.
 */
public interface Estimator {
  /** Short name as used on the command line (rp, lr, rplr, mrp, gs, irg). */
  String name();

  /** The policies this estimator applies to (e.g. RP needs a pathwise sample). */
  PolicyRequirement requirement();

  /** Whether this estimator applies to the policy. */
  default boolean supports(Policy policy) {
    return requirement().accepts(policy);
  }

  /** Builds the surrogate for one batch. */
  Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng);

  /** Critic evaluations per state for a policy with K components. */
  int criticEvaluationsPerState(int components);

  /** Throws a clear error when the estimator does not apply or alpha is invalid. */
  default void check(Policy policy, double alpha) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException(
          name() + ": entropy scale alpha must be finite and >= 0, got " + alpha);
    }
    if (!supports(policy)) {
      throw new IllegalArgumentException(
          "estimator " + name() + " does not apply to " + policy.getClass().getSimpleName()
              + " (" + name() + " applies to " + requirement().description() + ")");
    }
  }
}
