package org.mixrl.env;

import java.util.Arrays;

/**
 * Everything an {@link Env} needs to continue bitwise-identically after a checkpoint.
 *
 * @param envId the id of the env that saved it; restoring into another id fails
 * @param dynamics the physical state, in the env's internal (unobserved) layout
 * @param stepCount steps taken since the last reset (drives the time limit)
 * @param phase whether the env awaits a reset, is mid-episode, or has ended an episode
 * @param random the env's {@link org.mixrl.random.RandomStream#state()}
 */
public record EnvState(
    String envId, double[] dynamics, int stepCount, Phase phase, long[] random) {

  /** Where an env is in its episode life cycle. */
  public enum Phase {
    /** Constructed, never reset: {@code step} fails. */
    NEEDS_RESET,
    /** Reset and not yet terminated or truncated: {@code step} is allowed. */
    RUNNING,
    /** The last step terminated or truncated: {@code step} fails until the next reset. */
    EPISODE_OVER
  }

  /** Validates that every field is present and the step count is non-negative. */
  public EnvState {
    if (envId == null || dynamics == null || phase == null || random == null) {
      throw new IllegalArgumentException("EnvState: envId, dynamics, phase and random must be"
          + " non-null, got envId=" + envId + " phase=" + phase);
    }
    if (stepCount < 0) {
      throw new IllegalArgumentException("EnvState: stepCount must be >= 0, got " + stepCount);
    }
    dynamics = dynamics.clone();
    random = random.clone();
  }

  /** A copy of the physical state. */
  @Override
  public double[] dynamics() {
    return dynamics.clone();
  }

  /** A copy of the random stream state. */
  @Override
  public long[] random() {
    return random.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnvState s
        && envId.equals(s.envId)
        && Arrays.equals(dynamics, s.dynamics)
        && stepCount == s.stepCount
        && phase == s.phase
        && Arrays.equals(random, s.random);
  }

  @Override
  public int hashCode() {
    return ((envId.hashCode() * 31 + Arrays.hashCode(dynamics)) * 31 + stepCount) * 31
        + Arrays.hashCode(random) + phase.ordinal();
  }

  @Override
  public String toString() {
    return "EnvState[envId=" + envId + ", dynamics=" + Arrays.toString(dynamics)
        + ", stepCount=" + stepCount + ", phase=" + phase
        + ", random=" + Arrays.toString(random) + "]";
  }
}
