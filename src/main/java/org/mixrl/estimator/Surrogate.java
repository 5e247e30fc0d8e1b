package org.mixrl.estimator;

import org.mixrl.tensor.Tensor;

/**
 * What an estimator builds for a batch of states: a scalar whose reverse-mode gradient is the
 * estimate of grad_theta L (L is maximised; {@link #loss()} is its negative for optimisers),
 * the matching entropy estimate per state (detached), and the critic evaluations it cost.
 */
public record Surrogate(Tensor objective, Tensor entropy, int criticEvaluationsPerState) {
  public Surrogate {
    if (objective.numel() != 1) {
      throw new IllegalArgumentException(
          "Surrogate: objective must be a scalar, got shape "
              + java.util.Arrays.toString(objective.shape()));
    }
  }

  /** -objective, for optimisers that minimise. */
  public Tensor loss() {
    return objective.neg();
  }
}
