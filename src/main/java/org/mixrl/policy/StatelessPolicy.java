package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/**
 * A policy with one set of parameters shared by every state of a batch (a bandit has one
 * state), built from a flat parameter vector theta laid out by {@link PolicyLayout}. Squashed
 * classes act on the box [-1, 1]^d. The gradient of anything built from the policy flows back
 * to theta, averaged over the batch by the caller's mean.
 */
public final class StatelessPolicy {
  private StatelessPolicy() {}

  /** Length of theta for a class, K components and dimension d. */
  public static int parameterCount(PolicyClass c, int components, int dim) {
    return new PolicyLayout(c, components, dim).count();
  }

  /** Names of theta's entries: logit[k], mean[k], log_std[k] (with [k,j] when d > 1). */
  public static String[] parameterNames(PolicyClass c, int components, int dim) {
    return new PolicyLayout(c, components, dim).names();
  }

  /** The policy for {@code batch} identical states with parameters theta (1-D tensor). */
  public static Policy of(PolicyClass c, int components, int dim, Tensor theta, int batch) {
    return new PolicyLayout(c, components, dim).policy(theta, batch);
  }
}
