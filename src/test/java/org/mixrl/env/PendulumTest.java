package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixrl.env.EnvTesting.a;
import static org.mixrl.env.EnvTesting.placeAt;

import org.junit.jupiter.api.Test;

class PendulumTest {
  private static final double TOL = 1e-12;

  @Test
  void uprightAtRestWithZeroTorqueStaysExactlyAtRestWithZeroReward() {
    Pendulum env = new Pendulum();
    placeAt(env, 0.0, 0.0);
    for (int t = 0; t < 10; t++) {
      StepResult r = env.step(a(0.0));
      assertArrayEquals(new double[] {1.0, 0.0, 0.0}, r.observation(), 0.0);
      assertEquals(0.0, r.reward(), 0.0);
      assertFalse(r.terminated());
    }
    assertArrayEquals(new double[] {0.0, 0.0}, env.saveState().dynamics(), 0.0);
  }

  @Test
  void oneStepFollowsTheWrittenEquations() {
    Pendulum env = new Pendulum();
    placeAt(env, 0.5, 1.0);
    StepResult r = env.step(a(1.5));
    // cost = 0.5^2 + 0.1 * 1^2 + 0.001 * 1.5^2 = 0.25 + 0.1 + 0.00225
    assertEquals(-0.35225, r.reward(), TOL);
    // omega' = 1 + (3*10/2 sin 0.5 + 3*1.5) * 0.05 = 1 + 0.75 sin 0.5 + 0.225
    double omega = 1.225 + 0.75 * Math.sin(0.5);
    // theta' = 0.5 + 0.05 omega'
    double theta = 0.5 + 0.05 * omega;
    assertArrayEquals(
        new double[] {Math.cos(theta), Math.sin(theta), omega}, r.observation(), TOL);
    assertArrayEquals(new double[] {theta, omega}, env.saveState().dynamics(), TOL);
  }

  @Test
  void costNormalisesNegativeAnglesWithAFloorModulo() {
    Pendulum env = new Pendulum();
    placeAt(env, -4.0, 0.0);
    // norm(-4) = -4 + 2pi = 2.2831853...; Java's % would have kept -4 (cost 16).
    double angle = -4.0 + 2 * Math.PI;
    assertEquals(-(angle * angle), env.step(a(0.0)).reward(), TOL);
  }

  @Test
  void thetaIsStoredUnwrapped() {
    Pendulum env = new Pendulum();
    placeAt(env, 7.0, 2.0);
    StepResult r = env.step(a(0.0));
    double omega = 2.0 + 15 * Math.sin(7.0) * 0.05;
    double angle = 7.0 - 2 * Math.PI;
    assertEquals(-(angle * angle + 0.1 * 4.0), r.reward(), TOL);
    assertEquals(7.0 + 0.05 * omega, env.saveState().dynamics()[0], TOL);
  }

  @Test
  void velocityIsClippedAtMaxSpeedAndPositionUsesTheClippedVelocity() {
    Pendulum env = new Pendulum();
    placeAt(env, Math.PI / 2, 7.9);
    StepResult r = env.step(a(2.0));
    // omega' = 7.9 + (15 * 1 + 3 * 2) * 0.05 = 8.95 -> 8
    assertEquals(8.0, r.observation()[2], 0.0);
    assertEquals(Math.PI / 2 + 8.0 * 0.05, env.saveState().dynamics()[0], TOL);
  }

  @Test
  void torqueIsClippedToTwoAndTheCostUsesTheClippedTorque() {
    Pendulum big = new Pendulum();
    placeAt(big, 0.0, 0.0);
    StepResult r = big.step(a(100.0));
    Pendulum two = new Pendulum();
    placeAt(two, 0.0, 0.0);
    StepResult s = two.step(a(2.0));
    assertArrayEquals(s.observation(), r.observation(), 0.0);
    assertEquals(-0.001 * 4.0, r.reward(), TOL);
    // omega' = (0 + 3 * 2) * 0.05 = 0.3
    assertEquals(0.3, r.observation()[2], TOL);
  }

  @Test
  void gravityIsAConstructorArgument() {
    Pendulum env = new Pendulum(9.81);
    placeAt(env, 1.0, 0.0);
    double omega = (3 * 9.81 / 2 * Math.sin(1.0)) * 0.05;
    assertEquals(omega, env.step(a(0.0)).observation()[2], TOL);
  }

  @Test
  void resetDrawsThetaInMinusPiPiAndOmegaInMinusOneOne() {
    Pendulum env = new Pendulum();
    env.reset(123);
    for (int i = 0; i < 200; i++) {
      env.reset();
      double[] s = env.saveState().dynamics();
      assertTrue(s[0] >= -Math.PI && s[0] < Math.PI, "theta " + s[0]);
      assertTrue(s[1] >= -1 && s[1] < 1, "omega " + s[1]);
    }
  }

  @Test
  void spacesAndLimitMatchGymnasium() {
    Pendulum env = new Pendulum();
    assertEquals("Pendulum-v1", env.id());
    assertEquals(200, env.maxEpisodeSteps());
    assertArrayEquals(new double[] {-1, -1, -8}, env.observationSpace().low(), 0.0);
    assertArrayEquals(new double[] {1, 1, 8}, env.observationSpace().high(), 0.0);
    assertArrayEquals(new double[] {-2}, env.actionSpace().low(), 0.0);
    assertArrayEquals(new double[] {2}, env.actionSpace().high(), 0.0);
  }
}
