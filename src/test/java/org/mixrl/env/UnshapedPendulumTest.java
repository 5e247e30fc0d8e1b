package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixrl.env.EnvTesting.a;
import static org.mixrl.env.EnvTesting.placeAt;

import org.junit.jupiter.api.Test;

class UnshapedPendulumTest {
  private static final double TOL = 1e-12;

  @Test
  void startsHangingDownAtRestEveryEpisode() {
    Pendulum env = new Pendulum(RewardScheme.UNSHAPED);
    assertArrayEquals(new double[] {-Math.PI, 0.0}, env.reset(1), 0.0);
    env.step(a(2.0));
    assertArrayEquals(new double[] {-Math.PI, 0.0}, env.reset(), 0.0);
    assertArrayEquals(new double[] {-Math.PI, 0.0}, env.reset(99), 0.0);
  }

  @Test
  void hangingRestIsExactWithZeroTorqueForAWholeEpisode() {
    Pendulum env = new Pendulum(RewardScheme.UNSHAPED);
    env.reset(0);
    for (int t = 1; t <= 1000; t++) {
      StepResult r = env.step(a(0.0));
      // -sin(-pi + pi) = -sin(0) = 0 exactly, so nothing moves; reward cos(-pi) = -1.
      assertArrayEquals(new double[] {-Math.PI, 0.0}, r.observation(), 0.0);
      assertEquals(-1.0, r.reward(), 0.0);
      assertFalse(r.terminated());
      assertEquals(t == 1000, r.truncated());
    }
  }

  @Test
  void oneStepFromTheStartFollowsTheWrittenEquations() {
    Pendulum env = new Pendulum(RewardScheme.UNSHAPED);
    env.reset(0);
    StepResult r = env.step(a(2.0));
    // omega' = 0 + (-15 sin(0) + 3 * 2) * 0.05 = 0.3; theta' = norm(-pi + 0.3 * 0.05)
    double theta = -Math.PI + 0.015;
    assertArrayEquals(new double[] {theta, 0.3}, r.observation(), TOL);
    assertEquals(Math.cos(theta), r.reward(), TOL);
  }

  @Test
  void angleWrapsPastPiIntoTheNegativeSide() {
    Pendulum env = new Pendulum(RewardScheme.UNSHAPED);
    placeAt(env, 3.1, 5.0);
    StepResult r = env.step(a(0.0));
    // omega' = 5 + (-15 sin(3.1 + pi)) * 0.05 = 5 + 0.75 sin(3.1)
    double omega = 5.0 + 0.75 * Math.sin(3.1);
    double theta = 3.1 + 0.05 * omega - 2 * Math.PI;
    assertArrayEquals(new double[] {theta, omega}, r.observation(), TOL);
    assertEquals(Math.cos(theta), r.reward(), TOL);
  }

  @Test
  void positionUsesTheUnclippedVelocityThenVelocityIsClipped() {
    Pendulum env = new Pendulum(RewardScheme.UNSHAPED);
    placeAt(env, 0.0, 7.9);
    StepResult r = env.step(a(2.0));
    // omega' = 7.9 + (-15 sin(pi) + 6) * 0.05 = 8.2 (sin(pi) ~ 1.2e-16), stored clipped to 8
    assertEquals(0.0 + 8.2 * 0.05, r.observation()[0], TOL);
    assertEquals(8.0, r.observation()[1], 0.0);
  }

  @Test
  void v0AndV1OrderingsAgreeWhileTheNewVelocityIsWithinMaxSpeed() {
    double[][] states = {{0.3, 2.0}, {-1.0, -7.0}, {2.5, 0.0}, {-3.0, 7.5}};
    double[] actions = {1.0, -2.0, 0.5, -1.9};
    for (int i = 0; i < states.length; i++) {
      Pendulum v1 = new Pendulum();
      placeAt(v1, states[i]);
      Pendulum v0 = new Pendulum(RewardScheme.UNSHAPED);
      placeAt(v0, states[i]);
      v1.step(a(actions[i]));
      double[] obs0 = v0.step(a(actions[i])).observation();
      double[] s1 = v1.saveState().dynamics();
      assertTrue(Math.abs(s1[1]) < 8, "premise: no velocity clipping in case " + i);
      assertEquals(Angles.normalize(s1[0]), obs0[0], TOL, "theta, case " + i);
      assertEquals(s1[1], obs0[1], TOL, "omega, case " + i);
    }
  }

  @Test
  void v0AndV1OrderingsDifferByTheClippedExcessWhenVelocityExceedsMaxSpeed() {
    Pendulum v1 = new Pendulum();
    placeAt(v1, Math.PI / 2, 7.9);
    Pendulum v0 = new Pendulum(RewardScheme.UNSHAPED);
    placeAt(v0, Math.PI / 2, 7.9);
    v1.step(a(2.0));
    double[] obs0 = v0.step(a(2.0)).observation();
    // unclipped omega' = 7.9 + (15 + 6) * 0.05 = 8.95; v1 moves 8 * 0.05, v0 moves 8.95 * 0.05
    assertEquals(Math.PI / 2 + 0.4, v1.saveState().dynamics()[0], TOL);
    assertEquals(Math.PI / 2 + 0.4475, obs0[0], TOL);
    assertEquals(8.0, obs0[1], 0.0);
  }

  @Test
  void sparseRewardIsOneExactlyWhenTheNewAngleIsWithinPiOverTwelve() {
    Pendulum env = new Pendulum(RewardScheme.SPARSE);
    assertEquals("Pendulum-sparse-v0", env.id());
    placeAt(env, 0.1, 0.0);
    // theta' = 0.1 + 0.05 * 0.75 sin(0.1) = 0.1037... < pi/12 = 0.2618
    assertEquals(1.0, env.step(a(0.0)).reward(), 0.0);
    placeAt(env, -0.2, 0.0);
    // theta' = -0.2 - 0.05 * 0.75 sin(0.2) = -0.2074... : |theta'| < pi/12
    assertEquals(1.0, env.step(a(0.0)).reward(), 0.0);
    placeAt(env, 0.3, 0.0);
    // theta' = 0.3 + 0.05 * 0.75 sin(0.3) = 0.311 > pi/12
    assertEquals(0.0, env.step(a(0.0)).reward(), 0.0);
    env.reset(0);
    assertEquals(0.0, env.step(a(0.0)).reward(), 0.0);
  }

  @Test
  void spacesAndLimitMatchGreedyAc() {
    Pendulum env = new Pendulum(RewardScheme.UNSHAPED);
    assertEquals("Pendulum-unshaped-v0", env.id());
    assertEquals(1000, env.maxEpisodeSteps());
    assertEquals(Box.symmetric(Math.PI, 8), env.observationSpace());
    assertEquals(Box.symmetric(2), env.actionSpace());
  }
}
