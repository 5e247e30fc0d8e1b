package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixrl.env.EnvTesting.placeAt;

import org.junit.jupiter.api.Test;

class MultiGoalTest {

  private static double[] a(double ux, double uy) {
    return new double[] {ux, uy};
  }

  @Test
  void oneStepFollowsTheWrittenEquations() {
    MultiGoal env = new MultiGoal();
    placeAt(env, 0.2, -0.1);
    StepResult r = env.step(a(0.5, 2.0));
    // u = (0.5, 1) after clipping; s' = (0.7, 0.9); nearest goal (0, 5): 0.49 + 16.81 = 17.3
    // reward = -(0.25 + 1) - 0.1 * 17.3 = -2.98
    assertArrayEquals(new double[] {0.7, 0.9}, r.observation(), 1e-15);
    assertEquals(-2.98, r.reward(), 1e-12);
    assertFalse(r.terminated());
    assertFalse(r.truncated());
  }

  @Test
  void enteringAGoalDiscTerminatesWithTheBonus() {
    MultiGoal env = new MultiGoal();
    placeAt(env, 3.9, 0.0);
    StepResult r = env.step(a(0.2, 0.0));
    // s' = (4.1, 0): distance 0.9 to (5, 0); reward = -0.04 - 0.1 * 0.81 + 1 = 0.879
    assertTrue(r.terminated());
    assertFalse(r.truncated());
    assertEquals(0.879, r.reward(), 1e-12);
    assertThrows(IllegalStateException.class, () -> env.step(a(0, 0)));
  }

  @Test
  void everyGoalCountsAndTheDiscIsOpen() {
    double[][] insideEach = {{4.5, 0.5}, {-4.5, -0.5}, {0.5, 4.5}, {-0.5, -4.5}};
    for (double[] p : insideEach) {
      MultiGoal env = new MultiGoal();
      placeAt(env, p[0], p[1]);
      assertTrue(env.step(a(0, 0)).terminated(), "goal near " + p[0] + "," + p[1]);
    }
    MultiGoal edge = new MultiGoal();
    placeAt(edge, 3.5, 0.0);
    StepResult r = edge.step(a(0.5, 0.0));
    // s' = (4, 0) is exactly at distance 1: outside the open disc; reward -0.25 - 0.1
    assertFalse(r.terminated());
    assertEquals(-0.35, r.reward(), 1e-12);
  }

  @Test
  void wallsClipThePositionAndActionsAreClippedToTheBox() {
    MultiGoal env = new MultiGoal();
    placeAt(env, 6.5, -6.8);
    StepResult r = env.step(a(3.0, -3.0));
    // u = (1, -1); s' = (7, -7) after clipping 7.5 and -7.8; nearest squared distance 53
    // ((5,0): 4 + 49; (0,-5): 49 + 4); reward = -2 - 5.3
    assertArrayEquals(new double[] {7.0, -7.0}, r.observation(), 0.0);
    assertEquals(-7.3, r.reward(), 1e-12);
  }

  @Test
  void startsAreSeededDrawsFromANarrowGaussianAtTheOrigin() {
    MultiGoal env = new MultiGoal();
    assertArrayEquals(env.reset(11), new MultiGoal().reset(11), 0.0);
    assertFalse(java.util.Arrays.equals(env.reset(11), env.reset(12)));
    env.reset(3);
    int n = 4000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double[] s = env.reset();
      for (double v : s) {
        sum += v;
        sumSq += v * v;
      }
    }
    int m = 2 * n;
    double mean = sum / m;
    double sd = Math.sqrt(sumSq / m - mean * mean);
    // standard errors for N(0, 0.1^2): mean 0.1/sqrt(m), sample sd about 0.1/sqrt(2m); 4 SE each
    assertEquals(0.0, mean, 4 * 0.1 / Math.sqrt(m));
    assertEquals(0.1, sd, 4 * 0.1 / Math.sqrt(2.0 * m));
  }

  @Test
  void spacesAndLimitAreThoseOfTheSource() {
    MultiGoal env = new MultiGoal();
    assertEquals(Box.symmetric(7.0, 7.0), env.observationSpace());
    assertEquals(Box.symmetric(1.0, 1.0), env.actionSpace());
    assertEquals(30, env.maxEpisodeSteps());
    assertEquals("MultiGoal-v0", env.id());
  }

  @Test
  void aOneComponentActionIsRejectedNamingTheExpectedLength() {
    MultiGoal env = new MultiGoal();
    env.reset(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0.5}));
    assertTrue(e.getMessage().contains("MultiGoal-v0") && e.getMessage().contains("length 2")
        && e.getMessage().contains("got 1"), e.getMessage());
  }

  @Test
  void theTimeLimitTruncatesAtThirtyStepsWithoutTerminating() {
    MultiGoal env = new MultiGoal();
    env.reset(5);
    StepResult r = null;
    for (int t = 0; t < 30; t++) {
      // back and forth near the origin: never within 1 of a goal
      r = env.step(a(t % 2 == 0 ? 0.5 : -0.5, 0.0));
    }
    assertTrue(r.truncated());
    assertFalse(r.terminated());
  }
}
