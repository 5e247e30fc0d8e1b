package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTest {

  @Test
  void rowZeroIsTheResetObservationWithZeroRewardAndNoFlags() {
    List<RolloutRow> rows =
        Rollout.run(Envs.make("Pendulum-unshaped-v0"), 5, new double[][] {{2.0}, {0.0}});
    assertEquals(3, rows.size());
    assertEquals(new RolloutRow(0, new double[] {-Math.PI, 0.0}, 0.0, false, false), rows.get(0));
    // Step 1 from the hanging rest with u = 2: omega' = 6 * 0.05, theta' = -pi + 0.3 * 0.05.
    assertEquals(1, rows.get(1).step());
    assertArrayEquals(new double[] {-Math.PI + 0.015, 0.3}, rows.get(1).observation(), 1e-12);
    assertEquals(Math.cos(-Math.PI + 0.015), rows.get(1).reward(), 1e-12);
    assertEquals(2, rows.get(2).step());
  }

  @Test
  void rowsEqualSteppingByHand() {
    double[][] actions = Rollout.parseActions("0.5,-1,2,7,-3", 1);
    List<RolloutRow> rows = Rollout.run(Envs.make("Pendulum-v1"), 42, actions);
    Env env = Envs.make("Pendulum-v1");
    assertArrayEquals(env.reset(42), rows.get(0).observation(), 0.0);
    for (int t = 0; t < actions.length; t++) {
      StepResult r = env.step(actions[t]);
      assertEquals(
          new RolloutRow(t + 1, r.observation(), r.reward(), r.terminated(), r.truncated()),
          rows.get(t + 1));
    }
  }

  @Test
  void stopsAtTheEndOfTheEpisode() {
    double[][] actions = new double[1500][];
    java.util.Arrays.fill(actions, new double[] {0.0});
    List<RolloutRow> rows = Rollout.run(Envs.make("Pendulum-v1"), 1, actions);
    assertEquals(201, rows.size());
    assertTrue(rows.get(200).truncated());
    assertFalse(rows.get(199).truncated());
  }

  @Test
  void csvHasAHeaderAndRoundTripsEveryNumber() {
    List<RolloutRow> rows =
        Rollout.run(Envs.make("MountainCarContinuous-v0"), 3, Rollout.parseActions("1,-0.25", 1));
    String csv = Rollout.toCsv(rows);
    String[] lines = csv.split("\n");
    assertEquals("step,obs_0,obs_1,reward,terminated,truncated", lines[0]);
    assertEquals(4, lines.length);
    assertTrue(lines[1].startsWith("0,") && lines[1].endsWith(",0.0,false,false"), lines[1]);
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      RolloutRow row = rows.get(i - 1);
      assertEquals(row.step(), Integer.parseInt(f[0]));
      assertEquals(row.observation()[0], Double.parseDouble(f[1]), 0.0);
      assertEquals(row.observation()[1], Double.parseDouble(f[2]), 0.0);
      assertEquals(row.reward(), Double.parseDouble(f[3]), 0.0);
      assertEquals(row.terminated(), Boolean.parseBoolean(f[4]));
      assertEquals(row.truncated(), Boolean.parseBoolean(f[5]));
    }
  }

  @Test
  void parseActionsGroupsByDimensionAndNamesBadTokens() {
    assertEquals(0, Rollout.parseActions("  ", 1).length);
    double[][] two = Rollout.parseActions("1, 2,3,4", 2);
    assertArrayEquals(new double[] {1, 2}, two[0], 0.0);
    assertArrayEquals(new double[] {3, 4}, two[1], 0.0);
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Rollout.parseActions("1,x,3", 1));
    assertTrue(bad.getMessage().contains("number 2") && bad.getMessage().contains("'x'"),
        bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rollout.parseActions("1,2,3", 2));
    assertThrows(IllegalArgumentException.class, () -> Rollout.parseActions("1,,3", 1));
  }

  @Test
  void nanActionsFailThroughTheEnv() {
    double[][] actions = Rollout.parseActions("0,NaN", 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Rollout.run(Envs.make("Pendulum-v1"), 0, actions));
    assertTrue(e.getMessage().contains("Pendulum-v1") && e.getMessage().contains("NaN"));
  }
}
