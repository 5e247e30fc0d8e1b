package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The unshaped Pendulum of GreedyAC ({@code env/PendulumEnv.py}) and its sparse variant
 * (MirrorDescentRL {@code pendulum.jl}, {@code sparse_rewards = true}).
 *
 * <p>Same constants as {@link Pendulum}, but the old gym v0 ordering: with u = clip(a, -2, 2),
 * omega' = omega + (-3g/(2l) sin(theta + pi) + 3/(m l^2) u) dt; theta' = norm(theta + omega' dt)
 * with the UNCLIPPED omega'; then omega' = clip(omega', -8, 8). The gravity term is written with
 * sin(theta + pi) as in GreedyAC, so the hanging start (-pi, 0) is an exact rest point.
 * Start (-pi, 0) every episode (no randomness); observation [theta, omega] with theta in
 * [-pi, pi]; no termination; cutoff 1000 steps. Reward: {@link RewardScheme#UNSHAPED}
 * cos(theta'); {@link RewardScheme#SPARSE} 1 if |theta'| < pi/12 else 0.
 */
public final class UnshapedPendulum extends AbstractEnv {
  /** Registry id of the cos(theta') reward. */
  public static final String ID = "Pendulum-unshaped-v0";
  /** Registry id of the sparse reward. */
  public static final String SPARSE_ID = "Pendulum-sparse-v0";

  private static final double G = 10.0;
  private static final double SPARSE_HALF_WIDTH = Math.PI / 12;

  private final RewardScheme scheme;
  private double theta;
  private double omega;

  /** The env with the given reward; ids {@link #ID} or {@link #SPARSE_ID}. */
  public UnshapedPendulum(RewardScheme scheme) {
    super(
        idFor(scheme),
        Box.symmetric(Math.PI, Pendulum.MAX_SPEED),
        Box.symmetric(Pendulum.MAX_TORQUE),
        1000);
    this.scheme = scheme;
  }

  private static String idFor(RewardScheme scheme) {
    if (scheme == null) {
      throw new IllegalArgumentException("UnshapedPendulum: reward scheme must be non-null");
    }
    return scheme == RewardScheme.SPARSE ? SPARSE_ID : ID;
  }

  @Override
  protected void startEpisode(RandomStream random) {
    theta = -Math.PI;
    omega = 0.0;
  }

  @Override
  protected Outcome advance(double[] action) {
    double u = Math.min(Math.max(action[0], -Pendulum.MAX_TORQUE), Pendulum.MAX_TORQUE);
    double l = Pendulum.L;
    double newOmega =
        omega
            + (-3 * G / (2 * l) * Math.sin(theta + Math.PI) + 3.0 / (Pendulum.M * l * l) * u)
                * Pendulum.DT;
    // v0 ordering: the position update sees the velocity before it is clipped.
    theta = Angles.normalize(theta + newOmega * Pendulum.DT);
    omega = Math.min(Math.max(newOmega, -Pendulum.MAX_SPEED), Pendulum.MAX_SPEED);
    double reward =
        scheme == RewardScheme.SPARSE
            ? (Math.abs(theta) < SPARSE_HALF_WIDTH ? 1.0 : 0.0)
            : Math.cos(theta);
    return new Outcome(reward, false);
  }

  @Override
  protected double[] observe() {
    return new double[] {theta, omega};
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
