package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * AcrobotContinuous-v1: Gymnasium v1.4.0 Acrobot-v1 with a continuous torque instead of the
 * discrete {-1, 0, +1} (Gymnasium has no continuous Acrobot, hence the new id).
 *
 * <p>Dynamics {@link AcrobotPhysics} with tau = clip(a, -1, 1). Reward -1 per step, 0 on the
 * terminating step; terminates when -cos th1 - cos(th1 + th2) > 1; 500-step limit. Start: each
 * of the four components ~ U[-0.1, 0.1), rounded to float32 as Gymnasium stores it.
 * Observation [cos th1, sin th1, cos th2, sin th2, dth1, dth2] in float64.
 */
public final class AcrobotContinuous extends AbstractEnv {
  /** Registry id. */
  public static final String ID = "AcrobotContinuous-v1";

  private double[] state = new double[4];

  /** The continuous-torque Gymnasium Acrobot. */
  public AcrobotContinuous() {
    super(ID,
        Box.symmetric(1, 1, 1, 1, AcrobotPhysics.MAX_VEL_1, AcrobotPhysics.MAX_VEL_2),
        AcrobotPhysics.ACTION_SPACE,
        500);
  }

  @Override
  protected void startEpisode(RandomStream random) {
    for (int i = 0; i < 4; i++) {
      state[i] = (float) random.uniform(-0.1, 0.1);
    }
  }

  @Override
  protected Outcome advance(double[] action) {
    double tau = Math.min(Math.max(action[0], -1.0), 1.0);
    state = AcrobotPhysics.step(state, tau);
    boolean terminal = AcrobotPhysics.isTerminal(state);
    return new Outcome(terminal ? 0.0 : -1.0, terminal);
  }

  @Override
  protected double[] observe() {
    return new double[] {
      Math.cos(state[0]), Math.sin(state[0]), Math.cos(state[1]), Math.sin(state[1]),
      state[2], state[3]
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
