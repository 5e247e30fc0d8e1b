package org.mixrl.env;

import java.util.Arrays;

/**
 * One row of a {@link Rollout}: row 0 is the reset observation (reward 0, flags false), row t
 * the result of the t-th step.
 *
 * @param step 0 for the reset, then 1, 2, ...
 * @param observation the observation after that step
 * @param reward the step's reward (0 for row 0)
 * @param terminated whether the step reached a terminal state
 * @param truncated whether the time limit ended the episode at that step
 */
public record RolloutRow(
    int step, double[] observation, double reward, boolean terminated, boolean truncated) {

  /** Validates the step index and copies the observation. */
  public RolloutRow {
    if (step < 0 || observation == null) {
      throw new IllegalArgumentException(
          "RolloutRow: need step >= 0 and an observation, got step=" + step);
    }
    observation = observation.clone();
  }

  /** A copy of the observation. */
  @Override
  public double[] observation() {
    return observation.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RolloutRow r
        && step == r.step
        && Arrays.equals(observation, r.observation)
        && Double.compare(reward, r.reward) == 0
        && terminated == r.terminated
        && truncated == r.truncated;
  }

  @Override
  public int hashCode() {
    return (step * 31 + Arrays.hashCode(observation)) * 31 + Double.hashCode(reward)
        + (terminated ? 2 : 0) + (truncated ? 1 : 0);
  }

  @Override
  public String toString() {
    return "RolloutRow[step=" + step + ", observation=" + Arrays.toString(observation)
        + ", reward=" + reward + ", terminated=" + terminated + ", truncated=" + truncated + "]";
  }
}
