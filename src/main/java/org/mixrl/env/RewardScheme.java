package org.mixrl.env;

/**
 * Reward of the unshaped classic-control tasks (GreedyAC and its sibling MirrorDescentRL).
 */
public enum RewardScheme {
  /**
   * Dense but unshaped: cos(theta') for Pendulum; for Acrobot and MountainCar a constant cost
   * per step (see each env for the goal step).
   */
  UNSHAPED,
  /**
   * Sparse: Pendulum +1 when |theta'| < pi/12, else 0; Acrobot and MountainCar +1 on the goal
   * step, 0 otherwise.
   */
  SPARSE
}
