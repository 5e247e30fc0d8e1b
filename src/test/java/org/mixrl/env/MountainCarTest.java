package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixrl.env.EnvTesting.a;
import static org.mixrl.env.EnvTesting.placeAt;

import org.junit.jupiter.api.Test;

class MountainCarTest {
  /** Half a float32 ulp near these magnitudes is below 3e-8 (x) and 4e-9 (v). */
  private static final double F32 = 6e-8;

  @Test
  void oneStepFollowsTheWrittenEquations() {
    MountainCar env = new MountainCar();
    placeAt(env, -0.5, 0.01);
    StepResult r = env.step(a(0.5));
    // v' = 0.01 + 0.0015 * 0.5 - 0.0025 cos(-1.5); x' = -0.5 + v'
    double v = 0.01 + 0.00075 - 0.0025 * Math.cos(-1.5);
    double x = -0.5 + v;
    assertEquals(x, r.observation()[0], F32);
    assertEquals(v, r.observation()[1], 1e-9);
    assertEquals(-0.1 * 0.25, r.reward(), 1e-12);
    assertFalse(r.terminated());
  }

  @Test
  void stateIsRoundedToFloat32AfterEachStep() {
    MountainCar env = new MountainCar();
    placeAt(env, -0.5, 0.01);
    double[] obs = env.step(a(0.5)).observation();
    double v = 0.01 + 0.00075 - 0.0025 * Math.cos(-1.5);
    double x = -0.5 + v;
    for (double o : obs) {
      assertEquals(o, (double) (float) o, 0.0, "float32-representable");
    }
    assertEquals((float) x, obs[0], Math.ulp((float) x));
    assertNotEquals(x, obs[0], "the float64 position must have been rounded");
    assertEquals(obs[0], env.saveState().dynamics()[0], 0.0);
  }

  @Test
  void leftWallCollisionIsInelastic() {
    MountainCar env = new MountainCar();
    placeAt(env, -1.19, -0.05);
    StepResult r = env.step(a(-1.0));
    // v' = -0.05 - 0.0015 - 0.0025 cos(-3.57) = -0.0492 ; x' = -1.2392 -> clipped to -1.2, v' = 0
    assertEquals((float) -1.2, r.observation()[0], 0.0);
    assertEquals(0.0, r.observation()[1], 0.0);
  }

  @Test
  void velocityIsClippedToMaxSpeed() {
    MountainCar env = new MountainCar();
    placeAt(env, -Math.PI / 6, 0.0695);
    StepResult r = env.step(a(1.0));
    // cos(3x) = cos(-pi/2) ~ 0: v' = 0.0695 + 0.0015 = 0.071 -> 0.07
    assertEquals((float) 0.07, r.observation()[1], 0.0);
    assertEquals((float) (-Math.PI / 6 + 0.07), r.observation()[0], 0.0);
  }

  @Test
  void reachingTheGoalTerminatesWithPlusOneHundredMinusTheActionPenalty() {
    MountainCar env = new MountainCar();
    placeAt(env, 0.44, 0.02);
    StepResult r = env.step(a(0.3));
    // v' = 0.02 + 0.00045 - 0.0025 cos(1.32) = 0.01983 ; x' = 0.4598 >= 0.45 and v' >= 0
    assertTrue(r.terminated());
    assertFalse(r.truncated());
    assertEquals(100.0 - 0.1 * 0.09, r.reward(), 1e-12);
    assertThrows(IllegalStateException.class, () -> env.step(a(0.0)));
  }

  @Test
  void actionPenaltyUsesTheUnclippedAction() {
    MountainCar clipped = new MountainCar();
    placeAt(clipped, 0.44, 0.02);
    StepResult one = clipped.step(a(1.0));
    MountainCar raw = new MountainCar();
    placeAt(raw, 0.44, 0.02);
    StepResult three = raw.step(a(3.0));
    assertEquals(one.observation()[0], three.observation()[0], 0.0);
    assertEquals(one.observation()[1], three.observation()[1], 0.0);
    assertEquals(100.0 - 0.1, one.reward(), 1e-12);
    assertEquals(100.0 - 0.9, three.reward(), 1e-12);

    MountainCar away = new MountainCar();
    placeAt(away, -0.5, 0.0);
    assertEquals(-0.1 * 25.0, away.step(a(-5.0)).reward(), 1e-12);
  }

  @Test
  void beyondTheGoalPositionButMovingLeftDoesNotTerminate() {
    MountainCar env = new MountainCar();
    placeAt(env, 0.6, -0.001);
    StepResult r = env.step(a(-1.0));
    // v' = -0.001 - 0.0015 - 0.0025 cos(1.8) = -0.00193 < 0 ; x' = 0.598
    assertTrue(r.observation()[0] >= 0.45);
    assertTrue(r.observation()[1] < 0);
    assertFalse(r.terminated());
    assertEquals(-0.1, r.reward(), 1e-12);
  }

  @Test
  void resetDrawsPositionInTheStartIntervalWithZeroVelocity() {
    MountainCar env = new MountainCar();
    env.reset(7);
    for (int i = 0; i < 200; i++) {
      double[] obs = env.reset();
      assertTrue(obs[0] >= -0.6 && obs[0] < -0.4, "x " + obs[0]);
      assertEquals(0.0, obs[1], 0.0);
    }
  }

  @Test
  void unshapedRewardIsMinusOneOnEveryStepIncludingTheGoalStep() {
    MountainCar env = new MountainCar(RewardScheme.UNSHAPED);
    assertEquals("MountainCar-unshaped-v0", env.id());
    placeAt(env, -0.5, 0.0);
    assertEquals(-1.0, env.step(a(5.0)).reward(), 0.0);
    placeAt(env, 0.44, 0.02);
    StepResult r = env.step(a(5.0));
    assertTrue(r.terminated());
    assertEquals(-1.0, r.reward(), 0.0);
  }

  @Test
  void sparseRewardIsOneOnTheGoalStepOnly() {
    MountainCar env = new MountainCar(RewardScheme.SPARSE);
    assertEquals("MountainCar-sparse-v0", env.id());
    placeAt(env, -0.5, 0.0);
    assertEquals(0.0, env.step(a(1.0)).reward(), 0.0);
    placeAt(env, 0.44, 0.02);
    StepResult r = env.step(a(0.3));
    assertTrue(r.terminated());
    assertEquals(1.0, r.reward(), 0.0);
  }

  @Test
  void limitsAndSpaces() {
    assertEquals(999, new MountainCar().maxEpisodeSteps());
    assertEquals(1000, new MountainCar(RewardScheme.UNSHAPED).maxEpisodeSteps());
    Box obs = new MountainCar().observationSpace();
    assertTrue(obs.contains(new double[] {(float) -1.2, (float) 0.07}));
    assertTrue(obs.contains(new double[] {(float) 0.6, (float) -0.07}));
    assertFalse(obs.contains(new double[] {-1.21, 0.0}));
    assertEquals(Box.symmetric(1.0), new MountainCar().actionSpace());
  }
}
