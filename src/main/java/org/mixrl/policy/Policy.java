package org.mixrl.policy;

import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * A batch of action distributions, one per state: the contract every policy class meets.
 *
 * <p>Shapes: B states, M samples per state, d action dimensions. Samples are [B, M, d] and
 * log-densities [B, M]. Distributions are immutable: nothing is cached between calls.
 */
public interface Policy {
  /** Number of states B. */
  int batchSize();

  /** Action dimension d. */
  int actionDim();

  /**
   * M draws of the latent (pre-squash) variable per state, [B, M, d], cut from the graph. For
   * unsquashed classes the latent is the action.
   */
  Tensor sampleLatent(RandomStream rng, int m);

  /** The action for latents [..., d]: identity, or c + h tanh(u) for squashed classes. */
  Tensor toAction(Tensor latents);

  /**
   * log pi(toAction(u)) for latents [B, M, d], returns [B, M]. Computed from u, which is exact
   * where inverting tanh from the action would lose all precision near the box edge.
   */
  Tensor logProbOfLatent(Tensor latents);

  /** M draws per state, [B, M, d], cut from the graph (no pathwise gradient). */
  default Tensor sample(RandomStream rng, int m) {
    try (org.mixrl.tensor.GradMode g = org.mixrl.tensor.GradMode.noGrad()) {
      return toAction(sampleLatent(rng, m)).detach();
    }
  }

  /** log pi(a | s) for actions [B, M, d]; returns [B, M]. Differentiable in the parameters. */
  Tensor logProb(Tensor actions);

  /** The action used for deterministic evaluation, [B, d]. */
  Tensor mode();

  /**
   * An estimate of the entropy per state, [B]: closed form where one exists, otherwise the
   * unbiased Monte-Carlo estimate -log pi(a) with one draw a ~ pi (detached).
   */
  default Tensor entropy(RandomStream rng) {
    try (org.mixrl.tensor.GradMode g = org.mixrl.tensor.GradMode.noGrad()) {
      return logProbOfLatent(sampleLatent(rng, 1)).neg().reshape(batchSize()).detach();
    }
  }

  /**
   * Mixture weights w, [B, K]: softmax of the logits for a mixture, a column of ones (K = 1)
   * for a single Gaussian, so code that inspects weights needs no cast.
   */
  default Tensor weights() {
    return Tensor.ones(batchSize(), 1);
  }

  /** Checks that actions are [B, M, d] for this policy; returns M. */
  default int checkActions(String op, Tensor actions) {
    int[] s = actions.shape();
    if (s.length != 3 || s[0] != batchSize() || s[2] != actionDim()) {
      throw new IllegalArgumentException(
          op + ": actions must have shape [B=" + batchSize() + ", M, d=" + actionDim()
              + "], got " + java.util.Arrays.toString(s));
    }
    return s[1];
  }
}
