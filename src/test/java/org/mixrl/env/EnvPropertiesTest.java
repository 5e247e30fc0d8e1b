package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.random.RandomStream;
import org.mixrl.testing.RandomCases;

/** Laws that hold for every env and every action sequence, over seeded generated cases. */
class EnvPropertiesTest {
  private static final double[] SPECIAL_ACTIONS = {
    Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 1e154, -1e155
  };

  /** An env, a reset seed and a sequence of actions made of runs of one repeated action. */
  record EnvCase(String id, long resetSeed, List<Double> actions, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** One action: 5:2:1 mix of U[-3, 3], U[-1e300, 1e300] and the special values. */
  private static double action(RandomStream rng) {
    return switch (RandomCases.frequency(rng, 5, 2, 1)) {
      case 0 -> rng.uniform(-3, 3);
      case 1 -> rng.uniform(-1e300, 1e300);
      default -> RandomCases.oneOf(rng, SPECIAL_ACTIONS);
    };
  }

  /** 150 cases (seed 201): a uniform env id, any long reset seed, 1-12 runs of 1-120 steps. */
  static List<EnvCase> envCases() {
    List<String> ids = Envs.ids();
    long seed = 201;
    return RandomCases.generate(seed, 150, (rng, i) -> {
      String id = ids.get(rng.nextInt(ids.size()));
      long resetSeed = rng.nextLong();
      // Runs of one repeated action make the sustained pushes that reach walls, speed limits and
      // goals; purely i.i.d. actions mostly jiggle in place.
      int runs = RandomCases.intIn(rng, 1, 12);
      List<Double> actions = new ArrayList<>();
      StringBuilder summary = new StringBuilder();
      for (int r = 0; r < runs; r++) {
        double a = action(rng);
        int n = RandomCases.intIn(rng, 1, 120);
        actions.addAll(Collections.nCopies(n, a));
        summary.append(r == 0 ? "" : ", ").append(n).append('x').append(a);
      }
      return new EnvCase(id, resetSeed, List.copyOf(actions),
          RandomCases.id(seed, i) + " " + id + " reset " + resetSeed + " actions [" + summary + "]");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envCases")
  void observationsStayFiniteAndInsideTheBoxForAnyActions(EnvCase c) {
    String id = c.id();
    Env env = Envs.make(id);
    double[] obs = env.reset(c.resetSeed());
    assertInBox(env, obs);
    for (double a : c.actions()) {
      StepResult r = env.step(EnvTesting.filled(a, env.actionSpace().dim()));
      assertInBox(env, r.observation());
      assertFalse(Double.isNaN(r.reward()), c.label() + ": NaN reward for action " + a);
      if (Math.abs(a) <= 1e150) {
        assertTrue(Double.isFinite(r.reward()), c.label() + ": reward " + r.reward() + " for " + a);
      }
      if (r.done()) {
        assertInBox(env, env.reset());
      }
    }
  }

  private static void assertInBox(Env env, double[] obs) {
    for (double o : obs) {
      assertTrue(Double.isFinite(o), env.id() + " non-finite observation");
    }
    assertTrue(env.observationSpace().contains(obs),
        env.id() + " observation " + Arrays.toString(obs) + " outside "
            + env.observationSpace());
  }

  /** A pendulum state and an action or torque. */
  record PendulumCase(double theta, double omega, double action, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code count} cases, each coordinate uniform in its range, one in ten an edge value. */
  private static List<PendulumCase> pendulumCases(
      long seed, int count, double thetaMax, double omegaMax, double actionMax) {
    return RandomCases.generate(seed, count, (rng, i) -> {
      double theta = RandomCases.doubleIn(rng, -thetaMax, thetaMax, 0.1);
      double omega = RandomCases.doubleIn(rng, -omegaMax, omegaMax, 0.1);
      double action = RandomCases.doubleIn(rng, -actionMax, actionMax, 0.1);
      return new PendulumCase(theta, omega, action, RandomCases.id(seed, i)
          + " theta=" + theta + " omega=" + omega + " action=" + action);
    });
  }

  /** 1000 cases: theta in [-20, 20], omega in [-8, 8], action in [-1e6, 1e6]. */
  static List<PendulumCase> anyPendulumStates() {
    return pendulumCases(202, 1000, 20, 8, 1e6);
  }

  /** 1000 cases: theta in [-3.1, 3.1], omega in [-8, 8], torque in [-2, 2]. */
  static List<PendulumCase> inBoxPendulumStates() {
    return pendulumCases(203, 1000, 3.1, 8, 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("anyPendulumStates")
  void pendulumRewardLiesInItsDocumentedRange(PendulumCase c) {
    Pendulum env = new Pendulum();
    EnvTesting.placeAt(env, c.theta(), c.omega());
    double reward = env.step(new double[] {c.action()}).reward();
    // max cost: pi^2 + 0.1 * 64 + 0.001 * 4 = 16.2736044
    assertTrue(reward <= 0 && reward >= -(Math.PI * Math.PI + 6.4 + 0.004) - 1e-12,
        c.label() + ": reward " + reward);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inBoxPendulumStates")
  void v1AndV0PendulumPositionsDifferExactlyByTheClippedVelocityExcess(PendulumCase c) {
    double theta = c.theta();
    double omega = c.omega();
    double u = c.action();
    Pendulum v1 = new Pendulum();
    EnvTesting.placeAt(v1, theta, omega);
    Pendulum v0 = new Pendulum(RewardScheme.UNSHAPED);
    EnvTesting.placeAt(v0, theta, omega);
    v1.step(new double[] {u});
    double theta0 = v0.step(new double[] {u}).observation()[0];
    double theta1 = v1.saveState().dynamics()[0];
    // unclipped omega' from the written equation
    double w = omega + (15 * Math.sin(theta) + 3 * u) * 0.05;
    double excess = (w - Math.max(-8, Math.min(8, w))) * 0.05;
    double gap = Angles.normalize(theta0 - theta1 - excess);
    assertEquals(0.0, gap, 1e-12, c.label() + ": w=" + w);
  }
}
