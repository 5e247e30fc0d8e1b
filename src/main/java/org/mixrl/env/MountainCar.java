package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The continuous mountain car, in its three tasks ({@link RewardScheme}): drive an
 * underpowered car up the right hill. Dynamics in {@link MountainCarPhysics} (float32 state
 * after each step); every task starts at x ~ U[-0.6, -0.4), v = 0, terminates on the goal and
 * observes [x, v].
 *
 * <p><b>SHAPED</b>, MountainCarContinuous-v0 (Gymnasium v1.4.0
 * {@code continuous_mountain_car.py}): reward 100 on the goal step minus 0.1 a^2 with the
 * UNCLIPPED action a (so it overflows to -infinity for |a| above about 1e154, which float32
 * actions in Gymnasium cannot reach); 999-step limit.
 *
 * <p><b>UNSHAPED</b>, the cost-to-goal MountainCar of GreedyAC ({@code
 * config/environment/MountainCarContinuous-v1.json}: gym 0.21 dynamics with rewards
 * overridden): -1 on every step including the goal step (no action penalty, no +100).
 * <b>SPARSE</b> (MirrorDescentRL {@code mountain_car.jl}, {@code sparse_rewards = true}): +1 on
 * the goal step, 0 otherwise. Both cut off at 1000 steps.
 */
public final class MountainCar extends AbstractEnv {
  /** Registry id of the Gymnasium task. */
  public static final String ID = "MountainCarContinuous-v0";
  /** Registry id of the -1-per-step reward. */
  public static final String UNSHAPED_ID = "MountainCar-unshaped-v0";
  /** Registry id of the sparse reward. */
  public static final String SPARSE_ID = "MountainCar-sparse-v0";

  private final RewardScheme scheme;
  private final MountainCarPhysics car = new MountainCarPhysics();

  /** The Gymnasium task. */
  public MountainCar() {
    this(RewardScheme.SHAPED);
  }

  /** The task of {@code scheme}; ids {@link #ID}, {@link #UNSHAPED_ID}, {@link #SPARSE_ID}. */
  public MountainCar(RewardScheme scheme) {
    super(
        RewardScheme.pick(
            RewardScheme.require(scheme, "MountainCar"), ID, UNSHAPED_ID, SPARSE_ID),
        MountainCarPhysics.OBSERVATION_SPACE,
        MountainCarPhysics.ACTION_SPACE,
        scheme == RewardScheme.SHAPED ? 999 : 1000);
    this.scheme = scheme;
  }

  @Override
  protected void startEpisode(RandomStream random) {
    car.reset(random);
  }

  @Override
  protected Outcome advance(double[] action) {
    double a = action[0];
    boolean goal = car.step(a);
    double reward = switch (scheme) {
      case SHAPED -> (goal ? 100.0 : 0.0) - a * a * 0.1;
      case UNSHAPED -> -1.0;
      case SPARSE -> goal ? 1.0 : 0.0;
    };
    return new Outcome(reward, goal);
  }

  @Override
  protected double[] observe() {
    return car.observe();
  }

  @Override
  protected double[] dynamicsState() {
    return car.observe();
  }

  @Override
  protected void setDynamicsState(double[] state) {
    car.position = state[0];
    car.velocity = state[1];
  }

  @Override
  protected int dynamicsSize() {
    return 2;
  }
}
