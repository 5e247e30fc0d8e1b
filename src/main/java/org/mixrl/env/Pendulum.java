package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The pendulum swing-up, in its three tasks ({@link RewardScheme}).
 *
 * <p><b>SHAPED</b>, Pendulum-v1 (Gymnasium v1.4.0 {@code pendulum.py}): state (theta, omega),
 * theta = 0 upright, stored unwrapped. With u = clip(a, -2, 2):
 * cost = norm(theta)^2 + 0.1 omega^2 + 0.001 u^2 on the pre-step state;
 * omega' = clip(omega + (3g/(2l) sin theta + 3/(m l^2) u) dt, -8, 8);
 * theta' = theta + omega' dt (semi-implicit: position uses the clipped new velocity);
 * reward = -cost; never terminates; 200-step limit. Start theta ~ U[-pi, pi), omega ~ U[-1, 1).
 * Observation [cos theta, sin theta, omega] in float64 (Gymnasium rounds it to float32).
 *
 * <p><b>UNSHAPED</b> (GreedyAC {@code env/PendulumEnv.py}) and <b>SPARSE</b> (MirrorDescentRL
 * {@code pendulum.jl}, {@code sparse_rewards = true}): same constants with g = 10, but the old
 * gym v0 ordering: omega' = omega + (-3g/(2l) sin(theta + pi) + 3/(m l^2) u) dt;
 * theta' = norm(theta + omega' dt) with the UNCLIPPED omega'; then omega' = clip(omega', -8, 8).
 * The gravity term is written with sin(theta + pi) as in GreedyAC, so the hanging start
 * (-pi, 0) is an exact rest point. Start (-pi, 0) every episode (no randomness); observation
 * [theta, omega] with theta in [-pi, pi]; no termination; cutoff 1000 steps. Reward: UNSHAPED
 * cos(theta'); SPARSE 1 if |theta'| &lt; pi/12 else 0.
 */
public final class Pendulum extends AbstractEnv {
  /** Registry id of the Gymnasium task. */
  public static final String ID = "Pendulum-v1";
  /** Registry id of the cos(theta') reward. */
  public static final String UNSHAPED_ID = "Pendulum-unshaped-v0";
  /** Registry id of the sparse reward. */
  public static final String SPARSE_ID = "Pendulum-sparse-v0";

  static final double MAX_SPEED = 8.0;
  static final double MAX_TORQUE = 2.0;
  static final double DT = 0.05;
  static final double M = 1.0;
  static final double L = 1.0;
  private static final double GYMNASIUM_G = 10.0;
  private static final double SPARSE_HALF_WIDTH = Math.PI / 12;

  private final RewardScheme scheme;
  private final double g;
  private double theta;
  private double omega;

  /** Pendulum-v1 with Gymnasium's default gravity g = 10. */
  public Pendulum() {
    this(GYMNASIUM_G);
  }

  /** Pendulum-v1 with gravity {@code g} (Gymnasium's constructor argument). */
  public Pendulum(double g) {
    this(RewardScheme.SHAPED, g);
  }

  /** The task of {@code scheme} with g = 10; ids {@link #ID}, {@link #UNSHAPED_ID}, {@link #SPARSE_ID}. */
  public Pendulum(RewardScheme scheme) {
    this(scheme, GYMNASIUM_G);
  }

  private Pendulum(RewardScheme scheme, double g) {
    super(
        RewardScheme.pick(RewardScheme.require(scheme, "Pendulum"), ID, UNSHAPED_ID, SPARSE_ID),
        scheme == RewardScheme.SHAPED
            ? Box.symmetric(1.0, 1.0, MAX_SPEED)
            : Box.symmetric(Math.PI, MAX_SPEED),
        Box.symmetric(MAX_TORQUE),
        scheme == RewardScheme.SHAPED ? 200 : 1000);
    if (!Double.isFinite(g)) {
      throw new IllegalArgumentException(ID + ": g must be finite, got " + g);
    }
    this.scheme = scheme;
    this.g = g;
  }

  @Override
  protected void startEpisode(RandomStream random) {
    if (scheme == RewardScheme.SHAPED) {
      theta = random.uniform(-Math.PI, Math.PI);
      omega = random.uniform(-1.0, 1.0);
    } else {
      theta = -Math.PI;
      omega = 0.0;
    }
  }

  @Override
  protected Outcome advance(double[] action) {
    double u = Math.min(Math.max(action[0], -MAX_TORQUE), MAX_TORQUE);
    return scheme == RewardScheme.SHAPED ? advanceGymnasium(u) : advanceGreedyAc(u);
  }

  private Outcome advanceGymnasium(double u) {
    double angle = Angles.normalize(theta);
    double cost = angle * angle + 0.1 * omega * omega + 0.001 * (u * u);
    double newOmega = omega + (3 * g / (2 * L) * Math.sin(theta) + 3.0 / (M * L * L) * u) * DT;
    newOmega = Math.min(Math.max(newOmega, -MAX_SPEED), MAX_SPEED);
    theta = theta + newOmega * DT;
    omega = newOmega;
    return new Outcome(-cost, false);
  }

  private Outcome advanceGreedyAc(double u) {
    double newOmega =
        omega + (-3 * g / (2 * L) * Math.sin(theta + Math.PI) + 3.0 / (M * L * L) * u) * DT;
    // v0 ordering: the position update sees the velocity before it is clipped.
    theta = Angles.normalize(theta + newOmega * DT);
    omega = Math.min(Math.max(newOmega, -MAX_SPEED), MAX_SPEED);
    double reward =
        scheme == RewardScheme.SPARSE
            ? (Math.abs(theta) < SPARSE_HALF_WIDTH ? 1.0 : 0.0)
            : Math.cos(theta);
    return new Outcome(reward, false);
  }

  @Override
  protected double[] observe() {
    return scheme == RewardScheme.SHAPED
        ? new double[] {Math.cos(theta), Math.sin(theta), omega}
        : new double[] {theta, omega};
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
