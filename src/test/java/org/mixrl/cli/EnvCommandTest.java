package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.env.EnvSpec;
import org.mixrl.env.Envs;
import org.mixrl.env.Rollout;

class EnvCommandTest {
  @Test
  void listShowsEveryIdWithDescriptionAndSource() {
    CliRun.Result r = CliRun.run("env", "list");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(Envs.list().size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      EnvSpec s = Envs.list().get(i);
      assertTrue(lines[i].startsWith(s.id() + " "), lines[i]);
      assertTrue(lines[i].contains(s.description()) && lines[i].contains(s.source()), lines[i]);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Pendulum-v1|3|0.5,1,-2", "MountainCarContinuous-v0|7|1,1,1,-1",
      "AcrobotContinuous-v1|1|0.2;,"})
  void rolloutPrintsTheLibrarysCsv(String env, long seed, String actions) {
    String acts = actions.replace(";", "");
    CliRun.Result r = CliRun.run("env", "rollout", "--env", env, "--seed",
        String.valueOf(seed), "--actions", acts.endsWith(",") ? acts + "0" : acts);
    assertEquals(0, r.code(), r.err());
    String a = acts.endsWith(",") ? acts + "0" : acts;
    assertEquals(Rollout.toCsv(Rollout.run(Envs.make(env), seed, Rollout.parseActions(a, 1))),
        r.out());
    assertTrue(r.out().startsWith("step,obs_0,"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NoSuch-v0|0.5|unknown env id 'NoSuch-v0'",
      "Pendulum-v1|0.5,abc|not a number: 'abc'",
      "Pendulum-v1|0.5;1|has 2 components, the env's actions have 1",
      "MultiGoal-v0|0.5;1,0.5|has 1 components, the env's actions have 2"})
  void badRolloutInputExitsNonZeroWithAMessage(String env, String actions, String message) {
    CliRun.Result r = CliRun.run("env", "rollout", "--env", env, "--actions", actions);
    assertNotEquals(0, r.code());
    assertTrue(r.err().contains(message), r.err());
  }

  @Test
  void rolloutOfATwoDimensionalEnvTakesSemicolonSeparatedComponents() {
    CliRun.Result r = CliRun.run("env", "rollout", "--env", "MultiGoal-v0", "--seed", "4",
        "--actions", "1;0,0.5;-0.5");
    assertEquals(0, r.code(), r.err());
    assertEquals(Rollout.toCsv(Rollout.run(Envs.make("MultiGoal-v0"), 4,
        new double[][] {{1, 0}, {0.5, -0.5}})), r.out());
    assertEquals(4, r.out().strip().split("\n").length, r.out());
  }

  @Test
  void explorePrintsOneRowPerHoldAsTheLibraryComputesIt() {
    CliRun.Result r = CliRun.run("env", "explore", "--env", "MountainCar-unshaped-v0",
        "--hold", "1,25", "--episodes", "4", "--seed", "2");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals("env,hold,episodes,reached,mean_steps_to_goal", lines[0]);
    assertEquals(3, lines.length, r.out());
    int[] holds = {1, 25};
    for (int i = 0; i < holds.length; i++) {
      org.mixrl.env.RandomExploration.Result x =
          org.mixrl.env.RandomExploration.run("MountainCar-unshaped-v0", holds[i], 4, 2);
      assertTrue(lines[i + 1].startsWith("MountainCar-unshaped-v0," + holds[i] + ",4," + x.reached() + ","),
          lines[i + 1]);
    }
  }

  @Test
  void exploreRefusesAHoldBelowOneWithExit2() {
    CliRun.Result r = CliRun.run("env", "explore", "--env", "MountainCar-unshaped-v0", "--hold", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("hold must be at least 1 step, got 0"), r.err());
  }
}
