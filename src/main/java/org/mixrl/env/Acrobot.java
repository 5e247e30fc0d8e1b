package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The Acrobot with a continuous torque, in its three tasks ({@link RewardScheme}). Dynamics
 * {@link AcrobotPhysics} with tau = clip(a, -1, 1); every task terminates when
 * -cos th1 - cos(th1 + th2) > 1.
 *
 * <p><b>SHAPED</b>, AcrobotContinuous-v1: Gymnasium v1.4.0 Acrobot-v1 with a continuous torque
 * instead of the discrete {-1, 0, +1} (Gymnasium has no continuous Acrobot, hence the new id).
 * Reward -1 per step, 0 on the terminating step; 500-step limit. Start: each of the four
 * components ~ U[-0.1, 0.1), rounded to float32 as Gymnasium stores it. Observation
 * [cos th1, sin th1, cos th2, sin th2, dth1, dth2] in float64.
 *
 * <p><b>UNSHAPED</b> (GreedyAC {@code env/Acrobot.py}) and <b>SPARSE</b> (MirrorDescentRL
 * {@code acrobot.jl}, {@code sparse_rewards = true}): start exactly (0, 0, 0, 0) every episode;
 * observation [norm th1, norm th2, dth1, dth2] in [-pi, pi]^2 x [-4pi, 4pi] x [-9pi, 9pi];
 * cutoff 1000. Reward: UNSHAPED -1 per step and 0 on the terminating step (GreedyAC's code; its
 * config does not override rewards); SPARSE +1 on the goal step, 0 otherwise.
 */
public final class Acrobot extends AbstractEnv {
  /** Registry id of the Gymnasium-style task. */
  public static final String ID = "AcrobotContinuous-v1";
  /** Registry id of the -1-per-step reward from rest. */
  public static final String UNSHAPED_ID = "Acrobot-unshaped-v0";
  /** Registry id of the sparse reward. */
  public static final String SPARSE_ID = "Acrobot-sparse-v0";

  private final RewardScheme scheme;
  private double[] state = new double[4];

  /** The continuous-torque Gymnasium Acrobot. */
  public Acrobot() {
    this(RewardScheme.SHAPED);
  }

  /** The task of {@code scheme}; ids {@link #ID}, {@link #UNSHAPED_ID}, {@link #SPARSE_ID}. */
  public Acrobot(RewardScheme scheme) {
    super(
        RewardScheme.pick(RewardScheme.require(scheme, "Acrobot"), ID, UNSHAPED_ID, SPARSE_ID),
        scheme == RewardScheme.SHAPED
            ? Box.symmetric(1, 1, 1, 1, AcrobotPhysics.MAX_VEL_1, AcrobotPhysics.MAX_VEL_2)
            : Box.symmetric(
                Math.PI, Math.PI, AcrobotPhysics.MAX_VEL_1, AcrobotPhysics.MAX_VEL_2),
        AcrobotPhysics.ACTION_SPACE,
        scheme == RewardScheme.SHAPED ? 500 : 1000);
    this.scheme = scheme;
  }

  @Override
  protected void startEpisode(RandomStream random) {
    if (scheme == RewardScheme.SHAPED) {
      for (int i = 0; i < 4; i++) {
        state[i] = (float) random.uniform(-0.1, 0.1);
      }
    } else {
      state = new double[4];
    }
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
    if (scheme == RewardScheme.SHAPED) {
      return new double[] {
        Math.cos(state[0]), Math.sin(state[0]), Math.cos(state[1]), Math.sin(state[1]),
        state[2], state[3]
      };
    }
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
