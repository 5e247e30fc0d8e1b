package org.mixrl.estimator;

import org.mixrl.tensor.Tensor;

/**
 * A differentiable critic Q(s, a) for the batch of states an estimator works on: actions
 * [B, N, d] (N actions per state) map to values [B, N]. In a bandit it is the reward.
 */
@FunctionalInterface
public interface ActionValue {
  Tensor evaluate(Tensor actions);
}
