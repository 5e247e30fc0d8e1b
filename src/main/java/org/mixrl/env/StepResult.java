package org.mixrl.env;

import java.util.Arrays;

/**
 * What one {@link Env#step} returns, as in Gymnasium's five-tuple minus {@code info}.
 *
 * <p>{@code terminated}: the task reached a terminal state (no bootstrapping from it).
 * {@code truncated}: the episode was cut off by the time limit; learners should bootstrap
 * through it. Both can be true on the same step.
 *
 * @param observation the observation after the step (a fresh array owned by the caller)
 * @param reward the reward for this transition
 * @param terminated whether the new state is terminal
 * @param truncated whether the time limit ended the episode
 */
public record StepResult(
    double[] observation, double reward, boolean terminated, boolean truncated) {

  /** Validates that an observation is present. */
  public StepResult {
    if (observation == null) {
      throw new IllegalArgumentException("StepResult: observation must be non-null");
    }
  }

  /** True when the episode is over for either reason; the env must be reset before stepping. */
  public boolean done() {
    return terminated || truncated;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StepResult r
        && Arrays.equals(observation, r.observation)
        && Double.compare(reward, r.reward) == 0
        && terminated == r.terminated
        && truncated == r.truncated;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(observation) * 31 + Double.hashCode(reward) * 4
        + (terminated ? 2 : 0) + (truncated ? 1 : 0);
  }

  @Override
  public String toString() {
    return "StepResult[observation=" + Arrays.toString(observation) + ", reward=" + reward
        + ", terminated=" + terminated + ", truncated=" + truncated + "]";
  }
}
