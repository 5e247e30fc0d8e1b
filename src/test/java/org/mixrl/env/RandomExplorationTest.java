package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixrl.random.RandomStream;

class RandomExplorationTest {
  @Test
  void sameArgumentsGiveTheSameResult() {
    assertEquals(RandomExploration.run("MountainCar-unshaped-v0", 10, 20, 3),
        RandomExploration.run("MountainCar-unshaped-v0", 10, 20, 3));
  }

  @Test
  void aTaskWithoutTerminationIsNeverReached() {
    RandomExploration.Result r = RandomExploration.run("Pendulum-unshaped-v0", 1, 3, 1);
    assertEquals(0, r.reached());
    assertTrue(Double.isNaN(r.meanStepsToGoal()));
  }

  /** The count equals an independent replay: the same draws played through a fresh env. */
  @Test
  void countsEqualAReplayOfTheSameDraws() {
    String id = "Acrobot-unshaped-v0";
    int hold = 7;
    int episodes = 30;
    long seed = 5;
    RandomStream rng = RandomStream.of(seed);
    int reached = 0;
    long steps = 0;
    for (int ep = 0; ep < episodes; ep++) {
      Env env = Envs.make(id);
      env.reset(seed + ep);
      double u = 0;
      for (int t = 0; t < env.maxEpisodeSteps(); t++) {
        if (t % hold == 0) {
          u = rng.uniform(-1, 1); // Acrobot's torque box
        }
        StepResult s = env.step(new double[] {u});
        if (s.terminated()) {
          reached++;
          steps += t + 1;
          break;
        }
      }
    }
    RandomExploration.Result r = RandomExploration.run(id, hold, episodes, seed);
    assertEquals(reached, r.reached());
    assertEquals(reached == 0 ? Double.NaN : (double) steps / reached, r.meanStepsToGoal());
  }

  @Test
  void badArgumentsNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RandomExploration.run("MountainCar-unshaped-v0", 0, 5, 1));
    assertTrue(e.getMessage().contains("hold") && e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RandomExploration.run("MountainCar-unshaped-v0", 1, -2, 1));
    assertTrue(e.getMessage().contains("episodes") && e.getMessage().contains("-2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RandomExploration.run("NoSuch-v0", 1, 1, 1));
  }
}
