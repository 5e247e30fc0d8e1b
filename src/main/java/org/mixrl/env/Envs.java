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
              MountainCar.ID,
              "Mountain car, +100 at goal minus 0.1 a^2, terminates at goal, 999 steps",
              "Gymnasium v1.4.0 classic_control/continuous_mountain_car.py",
              MountainCar::new),
          new EnvSpec(
              Acrobot.ID,
              "Acrobot with continuous torque in [-1,1], -1 per step (0 at goal), 500 steps",
              "Gymnasium v1.4.0 classic_control/acrobot.py (book dynamics, continuous torque)",
              Acrobot::new),
          new EnvSpec(
              Pendulum.UNSHAPED_ID,
              "Pendulum from hanging rest, reward cos(theta'), obs [theta, omega], 1000 steps",
              "GreedyAC env/PendulumEnv.py + cos reward",
              () -> new Pendulum(RewardScheme.UNSHAPED)),
          new EnvSpec(
              Pendulum.SPARSE_ID,
              "Pendulum from hanging rest, reward 1 if |theta'| < pi/12 else 0, 1000 steps",
              "MirrorDescentRL src/env/environment/pendulum.jl (sparse_rewards=true)",
              () -> new Pendulum(RewardScheme.SPARSE)),
          new EnvSpec(
              Acrobot.UNSHAPED_ID,
              "Acrobot from rest, continuous torque, -1 per step (0 at goal), 1000 steps",
              "GreedyAC env/Acrobot.py (continuous) + config AcrobotContinuous-v1.json",
              () -> new Acrobot(RewardScheme.UNSHAPED)),
          new EnvSpec(
              Acrobot.SPARSE_ID,
              "Acrobot from rest, continuous torque, +1 at goal else 0, 1000 steps",
              "MirrorDescentRL src/env/environment/acrobot.jl (sparse_rewards=true)",
              () -> new Acrobot(RewardScheme.SPARSE)),
          new EnvSpec(
              MountainCar.UNSHAPED_ID,
              "Mountain car, -1 per step including the goal step, 1000 steps",
              "GreedyAC config/environment/MountainCarContinuous-v1.json (gym 0.21 dynamics)",
              () -> new MountainCar(RewardScheme.UNSHAPED)),
          new EnvSpec(
              MountainCar.SPARSE_ID,
              "Mountain car, +1 at goal else 0, 1000 steps",
              "MirrorDescentRL src/env/environment/mountain_car.jl (sparse_rewards=true)",
              () -> new MountainCar(RewardScheme.SPARSE)),
          new EnvSpec(
              MultiGoal.ID,
              "2-D point mass, 4 goals at distance 5, -|u|^2 - 0.1 d^2 (+1 at a goal), 30 steps",
              "haarnoja/sac sac/envs/multigoal.py with examples/multigoal_sac.py's constants",
              MultiGoal::new));

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

  /** Every registered env, in a fixed order (Gymnasium tasks first, MultiGoal last). */
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
