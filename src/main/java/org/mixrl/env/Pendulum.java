package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * Pendulum-v1 (Gymnasium v1.4.0 {@code pendulum.py}): swing a pendulum up and hold it upright.
 *
 * <p>State (theta, omega), theta = 0 upright, stored unwrapped. With u = clip(a, -2, 2):
 * cost = norm(theta)^2 + 0.1 omega^2 + 0.001 u^2 on the pre-step state;
 * omega' = clip(omega + (3g/(2l) sin theta + 3/(m l^2) u) dt, -8, 8);
 * theta' = theta + omega' dt (semi-implicit: position uses the clipped new velocity);
 * reward = -cost; never terminates; 200-step limit. Start theta ~ U[-pi, pi), omega ~ U[-1, 1).
 * Observation [cos theta, sin theta, omega] in float64 (Gymnasium rounds it to float32).
 */
public final class Pendulum extends AbstractEnv {
  /** Registry id. */
  public static final String ID = "Pendulum-v1";

  static final double MAX_SPEED = 8.0;
  static final double MAX_TORQUE = 2.0;
  static final double DT = 0.05;
  static final double M = 1.0;
  static final double L = 1.0;

  private final double g;
  private double theta;
  private double omega;

  /** Pendulum-v1 with Gymnasium's default gravity g = 10. */
  public Pendulum() {
    this(10.0);
  }

  /** Pendulum-v1 with gravity {@code g} (Gymnasium's constructor argument). */
  public Pendulum(double g) {
    super(ID, Box.symmetric(1.0, 1.0, MAX_SPEED), Box.symmetric(MAX_TORQUE), 200);
    if (!Double.isFinite(g)) {
      throw new IllegalArgumentException(ID + ": g must be finite, got " + g);
    }
    this.g = g;
  }

  @Override
  protected void startEpisode(RandomStream random) {
    theta = random.uniform(-Math.PI, Math.PI);
    omega = random.uniform(-1.0, 1.0);
  }

  @Override
  protected Outcome advance(double[] action) {
    double u = Math.min(Math.max(action[0], -MAX_TORQUE), MAX_TORQUE);
    double angle = Angles.normalize(theta);
    double cost = angle * angle + 0.1 * omega * omega + 0.001 * (u * u);
    double newOmega = omega + (3 * g / (2 * L) * Math.sin(theta) + 3.0 / (M * L * L) * u) * DT;
    newOmega = Math.min(Math.max(newOmega, -MAX_SPEED), MAX_SPEED);
    theta = theta + newOmega * DT;
    omega = newOmega;
    return new Outcome(-cost, false);
  }

  @Override
  protected double[] observe() {
    return new double[] {Math.cos(theta), Math.sin(theta), omega};
  }

  @Override
  protected double[] dynamicsState() {
    return new double[] {theta, omega};
  }

  @Override
  protected void setDynamicsState(double[] state) {
    theta = state[0];
    omega = state[1];
  }

  @Override
  protected int dynamicsSize() {
    return 2;
  }
}
