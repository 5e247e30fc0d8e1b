package org.mixrl.env;

/**
 * Which task of a classic-control system an env poses: Gymnasium's shaped task, or the
 * unshaped and sparse tasks of GreedyAC and its sibling MirrorDescentRL.
 *
 * <p>The scheme fixes more than the reward: the GreedyAC tasks also start from rest and run
 * for 1000 steps, and their Pendulum and Acrobot observe angles instead of (cos, sin) pairs.
 * Each system class ({@link Pendulum}, {@link MountainCar}, {@link Acrobot}) documents what
 * changes with the scheme; the dynamics are written once per system.
 */
public enum RewardScheme {
  /** Gymnasium's task as published: its shaped reward, start distribution and time limit. */
  SHAPED,
  /**
   * Dense but unshaped: cos(theta') for Pendulum; for Acrobot and MountainCar a constant cost
   * per step (see each env for the goal step).
   */
  UNSHAPED,
  /**
   * Sparse: Pendulum +1 when |theta'| &lt; pi/12, else 0; Acrobot and MountainCar +1 on the goal
   * step, 0 otherwise.
   */
  SPARSE;

  /** {@code scheme}, or an exception naming {@code system} when it is null. */
  static RewardScheme require(RewardScheme scheme, String system) {
    if (scheme == null) {
      throw new IllegalArgumentException(
          system + ": reward scheme must be one of SHAPED, UNSHAPED, SPARSE, got null");
    }
    return scheme;
  }

  /** The registry id of {@code scheme} among a system's three ids. */
  static String pick(RewardScheme scheme, String shaped, String unshaped, String sparse) {
    return switch (scheme) {
      case SHAPED -> shaped;
      case UNSHAPED -> unshaped;
      case SPARSE -> sparse;
    };
  }
}
