package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The cost-to-goal MountainCar of GreedyAC ({@code config/environment/MountainCarContinuous-v1
 * .json}: gym 0.21 dynamics with rewards overridden) and its sparse variant (MirrorDescentRL
 * {@code mountain_car.jl}, {@code sparse_rewards = true}).
 *
 * <p>Dynamics, start and termination exactly as {@link MountainCarContinuous}; cutoff 1000
 * steps. Reward: {@link RewardScheme#UNSHAPED} -1 on every step including the goal step (no
 * action penalty, no +100); {@link RewardScheme#SPARSE} +1 on the goal step, 0 otherwise.
 */
public final class UnshapedMountainCar extends AbstractEnv {
  /** Registry id of the -1-per-step reward. */
  public static final String ID = "MountainCar-unshaped-v0";
  /** Registry id of the sparse reward. */
  public static final String SPARSE_ID = "MountainCar-sparse-v0";

  private final RewardScheme scheme;
  private final MountainCarPhysics car = new MountainCarPhysics();

  /** The env with the given reward; ids {@link #ID} or {@link #SPARSE_ID}. */
  public UnshapedMountainCar(RewardScheme scheme) {
    super(idFor(scheme), MountainCarPhysics.OBSERVATION_SPACE, MountainCarPhysics.ACTION_SPACE,
        1000);
    this.scheme = scheme;
  }

  private static String idFor(RewardScheme scheme) {
    if (scheme == null) {
      throw new IllegalArgumentException("UnshapedMountainCar: reward scheme must be non-null");
    }
    return scheme == RewardScheme.SPARSE ? SPARSE_ID : ID;
  }

  @Override
  protected void startEpisode(RandomStream random) {
    car.reset(random);
  }

  @Override
  protected Outcome advance(double[] action) {
    boolean goal = car.step(action[0]);
    double reward = scheme == RewardScheme.SPARSE ? (goal ? 1.0 : 0.0) : -1.0;
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
