package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The continuous-torque Acrobot of GreedyAC ({@code env/Acrobot.py}) and its sparse variant
 * (MirrorDescentRL {@code acrobot.jl}, {@code sparse_rewards = true}).
 *
 * <p>Dynamics {@link AcrobotPhysics} with tau = clip(a, -1, 1) and the same termination test
 * as {@link AcrobotContinuous}; start exactly (0, 0, 0, 0) every episode; observation
 * [norm th1, norm th2, dth1, dth2] in [-pi, pi]^2 x [-4pi, 4pi] x [-9pi, 9pi]; cutoff 1000.
 * Reward: {@link RewardScheme#UNSHAPED} -1 per step and 0 on the terminating step (GreedyAC's
 * code; its config does not override rewards); {@link RewardScheme#SPARSE} +1 on the goal step,
 * 0 otherwise.
 */
public final class UnshapedAcrobot extends AbstractEnv {
  /** Registry id of the -1-per-step reward. */
  public static final String ID = "Acrobot-unshaped-v0";
  /** Registry id of the sparse reward. */
  public static final String SPARSE_ID = "Acrobot-sparse-v0";

  private final RewardScheme scheme;
  private double[] state = new double[4];

  /** The env with the given reward; ids {@link #ID} or {@link #SPARSE_ID}. */
  public UnshapedAcrobot(RewardScheme scheme) {
    super(idFor(scheme),
        Box.symmetric(Math.PI, Math.PI, AcrobotPhysics.MAX_VEL_1, AcrobotPhysics.MAX_VEL_2),
        AcrobotPhysics.ACTION_SPACE,
        1000);
    this.scheme = scheme;
  }

  private static String idFor(RewardScheme scheme) {
    if (scheme == null) {
      throw new IllegalArgumentException("UnshapedAcrobot: reward scheme must be non-null");
    }
    return scheme == RewardScheme.SPARSE ? SPARSE_ID : ID;
  }

  @Override
  protected void startEpisode(RandomStream random) {
    state = new double[4];
  }

  @Override
  protected Outcome advance(double[] action) {
    double tau = Math.min(Math.max(action[0], -1.0), 1.0);
    state = AcrobotPhysics.step(state, tau);
    boolean terminal = AcrobotPhysics.isTerminal(state);
    double reward =
        scheme == RewardScheme.SPARSE ? (terminal ? 1.0 : 0.0) : (terminal ? 0.0 : -1.0);
    return new Outcome(reward, terminal);
  }

  @Override
  protected double[] observe() {
    return new double[] {
      Angles.normalize(state[0]), Angles.normalize(state[1]), state[2], state[3]
    };
  }

  @Override
  protected double[] dynamicsState() {
    return state.clone();
  }

  @Override
  protected void setDynamicsState(double[] s) {
    state = s.clone();
  }

  @Override
  protected int dynamicsSize() {
    return 4;
  }
}
