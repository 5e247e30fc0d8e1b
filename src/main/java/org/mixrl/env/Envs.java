package org.mixrl.env;

import java.util.ArrayList;
import java.util.List;

/** The registry of environment ids, Gymnasium's {@code gym.make} in Java. */
public final class Envs {

  private static final List<EnvSpec> SPECS =
      List.of(
          new EnvSpec(
              Pendulum.ID,
              "Pendulum swing-up, reward -(theta^2 + 0.1 omega^2 + 0.001 u^2), 200 steps",
              "Gymnasium v1.4.0 classic_control/pendulum.py",
              Pendulum::new),
          new EnvSpec(
              MountainCarContinuous.ID,
              "Mountain car, +100 at goal minus 0.1 a^2, terminates at goal, 999 steps",
              "Gymnasium v1.4.0 classic_control/continuous_mountain_car.py",
              MountainCarContinuous::new),
          new EnvSpec(
              AcrobotContinuous.ID,
              "Acrobot with continuous torque in [-1,1], -1 per step (0 at goal), 500 steps",
              "Gymnasium v1.4.0 classic_control/acrobot.py (book dynamics, continuous torque)",
              AcrobotContinuous::new),
          new EnvSpec(
              UnshapedPendulum.ID,
              "Pendulum from hanging rest, reward cos(theta'), obs [theta, omega], 1000 steps",
              "GreedyAC env/PendulumEnv.py + cos reward",
              () -> new UnshapedPendulum(RewardScheme.UNSHAPED)),
          new EnvSpec(
              UnshapedPendulum.SPARSE_ID,
              "Pendulum from hanging rest, reward 1 if |theta'| < pi/12 else 0, 1000 steps",
              "MirrorDescentRL src/env/environment/pendulum.jl (sparse_rewards=true)",
              () -> new UnshapedPendulum(RewardScheme.SPARSE)),
          new EnvSpec(
              UnshapedAcrobot.ID,
              "Acrobot from rest, continuous torque, -1 per step (0 at goal), 1000 steps",
              "GreedyAC env/Acrobot.py (continuous) + config AcrobotContinuous-v1.json",
              () -> new UnshapedAcrobot(RewardScheme.UNSHAPED)),
          new EnvSpec(
              UnshapedAcrobot.SPARSE_ID,
              "Acrobot from rest, continuous torque, +1 at goal else 0, 1000 steps",
              "MirrorDescentRL src/env/environment/acrobot.jl (sparse_rewards=true)",
              () -> new UnshapedAcrobot(RewardScheme.SPARSE)),
          new EnvSpec(
              UnshapedMountainCar.ID,
              "Mountain car, -1 per step including the goal step, 1000 steps",
              "GreedyAC config/environment/MountainCarContinuous-v1.json (gym 0.21 dynamics)",
              () -> new UnshapedMountainCar(RewardScheme.UNSHAPED)),
          new EnvSpec(
              UnshapedMountainCar.SPARSE_ID,
              "Mountain car, +1 at goal else 0, 1000 steps",
              "MirrorDescentRL src/env/environment/mountain_car.jl (sparse_rewards=true)",
              () -> new UnshapedMountainCar(RewardScheme.SPARSE)));

  private Envs() {}

  /**
   * A fresh env for {@code id}.
   *
   * @throws IllegalArgumentException for an unknown id; the message lists the known ids
   */
  public static Env make(String id) {
    for (EnvSpec spec : SPECS) {
      if (spec.id().equals(id)) {
        return spec.make();
      }
    }
    throw new IllegalArgumentException("unknown env id '" + id + "'; known ids: " + ids());
  }

  /** Every registered env, in a fixed order (Gymnasium tasks first). */
  public static List<EnvSpec> list() {
    return SPECS;
  }

  /** Every registered id, in the order of {@link #list()}. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (EnvSpec spec : SPECS) {
      ids.add(spec.id());
    }
    return List.copyOf(ids);
  }
}
