package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The continuous mountain-car dynamics shared by every MountainCar variant (Gymnasium v1.4.0
 * {@code continuous_mountain_car.py}, identical in gym 0.21).
 *
 * <p>With F = clip(a, -1, 1): v' = clip(v + (0.0015 F - 0.0025 cos 3x), -0.07, 0.07);
 * x' = clip(x + v', -1.2, 0.6), and v' = 0 if x' == -1.2 and v' < 0 (inelastic left wall);
 * goal reached when x' >= 0.45 and v' >= 0; then the state is stored as float32.
 */
final class MountainCarPhysics {
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.45;
  static final double GOAL_VELOCITY = 0.0;
  static final double POWER = 0.0015;

  /**
   * Gymnasium's observation box has float32 bounds, and the float32 state can sit on them
   * (float32(0.6) > 0.6), so the bounds are the float32 values too.
   */
  static final Box OBSERVATION_SPACE =
      new Box(
          new double[] {(float) MIN_POSITION, (float) -MAX_SPEED},
          new double[] {(float) MAX_POSITION, (float) MAX_SPEED});

  static final Box ACTION_SPACE = Box.symmetric(1.0);

  double position;
  double velocity;

  /** Gymnasium's start: x ~ U[-0.6, -0.4), v = 0; kept in float64 until the first step. */
  void reset(RandomStream random) {
    position = random.uniform(-0.6, -0.4);
    velocity = 0.0;
  }

  /** Advances one step with raw action {@code a}; returns whether the goal was reached. */
  boolean step(double a) {
    double force = Math.min(Math.max(a, -1.0), 1.0);
    double v = velocity + (force * POWER - 0.0025 * Math.cos(3 * position));
    v = Math.min(Math.max(v, -MAX_SPEED), MAX_SPEED);
    double x = position + v;
    x = Math.min(Math.max(x, MIN_POSITION), MAX_POSITION);
    if (x == MIN_POSITION && v < 0) {
      v = 0.0;
    }
    // Termination is decided on the float64 values, before the state is rounded.
    boolean goal = x >= GOAL_POSITION && v >= GOAL_VELOCITY;
    position = (float) x;
    velocity = (float) v;
    return goal;
  }

  double[] observe() {
    return new double[] {position, velocity};
  }
}
