package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * MountainCarContinuous-v0 (Gymnasium v1.4.0 {@code continuous_mountain_car.py}): drive an
 * underpowered car up the right hill.
 *
 * <p>Dynamics in {@link MountainCarPhysics} (float32 state after each step). Reward
 * 100 on the goal step minus 0.1 a^2 with the UNCLIPPED action a (so it overflows to -infinity
 * for |a| above about 1e154, which float32 actions in Gymnasium cannot reach); terminates on the
 * goal; 999-step limit; start x ~ U[-0.6, -0.4), v = 0; observation [x, v].
 */
public final class MountainCarContinuous extends AbstractEnv {
  /** Registry id. */
  public static final String ID = "MountainCarContinuous-v0";

  private final MountainCarPhysics car = new MountainCarPhysics();

  /** The Gymnasium task. */
  public MountainCarContinuous() {
    super(ID, MountainCarPhysics.OBSERVATION_SPACE, MountainCarPhysics.ACTION_SPACE, 999);
  }

  @Override
  protected void startEpisode(RandomStream random) {
    car.reset(random);
  }

  @Override
  protected Outcome advance(double[] action) {
    double a = action[0];
    boolean goal = car.step(a);
    double reward = (goal ? 100.0 : 0.0) - a * a * 0.1;
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
