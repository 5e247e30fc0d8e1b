package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The multi-goal point mass used to motivate SAC's Gaussian-mixture policy: a task whose
 * optimal action values are multimodal, so a unimodal policy must commit to one goal.
 *
 * <p>Definition (Haarnoja et al.'s {@code sac/envs/multigoal.py} with the constants of their
 * {@code examples/multigoal_sac.py}): state = position s in [-7, 7]^2, action = velocity.
 * With u = clip(a, -1, 1) per component: s' = clip(s + u, -7, 7);
 * reward = -|u|^2 - 0.1 min_g |s' - g|^2, plus 1 when min_g |s' - g| < 1, which also
 * terminates the episode. The four goals g are (5, 0), (-5, 0), (0, 5), (0, -5). Start
 * s0 = clip(N(0, 0.1^2 I), -7, 7) from the env's seeded stream; observation s' itself;
 * 30-step limit (the example's path length), truncated and bootstrapped like the others.
 *
 * <p>Where two goals are equally far, e.g. on the diagonal at (2.5, 2.5) or at the origin,
 * the action values have one mode per nearby goal (docs/environments.md shows the lookahead).
 */
public final class MultiGoal extends AbstractEnv {
  /** Registry id. */
  public static final String ID = "MultiGoal-v0";

  /** Goal centres, one row (x, y) per goal. */
  static final double[][] GOALS = {{5, 0}, {-5, 0}, {0, 5}, {0, -5}};
  /** A goal is reached when the new position is strictly closer than this to its centre. */
  static final double GOAL_RADIUS = 1.0;
  static final double GOAL_REWARD = 1.0;
  static final double ACTION_COST = 1.0;
  static final double DISTANCE_COST = 0.1;
  static final double POSITION_BOUND = 7.0;
  static final double SPEED_BOUND = 1.0;
  static final double START_STD = 0.1;
  static final int MAX_EPISODE_STEPS = 30;

  private double x;
  private double y;

  /** The task as defined above. */
  public MultiGoal() {
    super(ID, Box.symmetric(POSITION_BOUND, POSITION_BOUND),
        Box.symmetric(SPEED_BOUND, SPEED_BOUND), MAX_EPISODE_STEPS);
  }

  @Override
  protected void startEpisode(RandomStream random) {
    x = clip(START_STD * random.nextGaussian(), POSITION_BOUND);
    y = clip(START_STD * random.nextGaussian(), POSITION_BOUND);
  }

  @Override
  protected Outcome advance(double[] action) {
    double ux = clip(action[0], SPEED_BOUND);
    double uy = clip(action[1], SPEED_BOUND);
    x = clip(x + ux, POSITION_BOUND);
    y = clip(y + uy, POSITION_BOUND);
    double nearest = nearestGoalSquaredDistance(x, y);
    boolean reached = nearest < GOAL_RADIUS * GOAL_RADIUS;
    double reward = -ACTION_COST * (ux * ux + uy * uy) - DISTANCE_COST * nearest
        + (reached ? GOAL_REWARD : 0.0);
    return new Outcome(reward, reached);
  }

  /** min over goals of |(px, py) - g|^2. */
  static double nearestGoalSquaredDistance(double px, double py) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] g : GOALS) {
      double dx = px - g[0];
      double dy = py - g[1];
      best = Math.min(best, dx * dx + dy * dy);
    }
    return best;
  }

  private static double clip(double v, double bound) {
    return Math.min(Math.max(v, -bound), bound);
  }

  @Override
  protected double[] observe() {
    return new double[] {x, y};
  }

  @Override
  protected double[] dynamicsState() {
    return new double[] {x, y};
  }

  @Override
  protected void setDynamicsState(double[] state) {
    x = state[0];
    y = state[1];
  }

  @Override
  protected int dynamicsSize() {
    return 2;
  }
}
