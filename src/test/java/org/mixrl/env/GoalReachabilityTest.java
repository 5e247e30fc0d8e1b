package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The goal of each cost-to-goal task can be reached inside its 1000-step cutoff by a one-line
 * energy-pumping controller, and reaching it ends the episode with the reward the variant
 * defines. This guards the learning results: a task whose goal test never fires would give
 * every method -1000 for the wrong reason.
 */
class GoalReachabilityTest {
  /** Torque or force with the sign of a velocity in the observation (never 0). */
  private static ToDoubleFunction<double[]> pumpWith(int velocityIndex) {
    return obs -> obs[velocityIndex] >= 0 ? 1.0 : -1.0;
  }

  @ParameterizedTest
  @CsvSource({
    // id, observation index of the velocity to pump with, reward on the goal step
    "Acrobot-unshaped-v0, 3, 0.0",      // dtheta2: the actuated joint
    "MountainCar-unshaped-v0, 1, -1.0", // car velocity
    "Acrobot-sparse-v0, 3, 1.0",
    "MountainCar-sparse-v0, 1, 1.0"
  })
  void energyPumpingReachesTheGoalBeforeTheCutoff(String id, int velocity, double goalReward) {
    Env env = Envs.make(id);
    ToDoubleFunction<double[]> policy = pumpWith(velocity);
    double[] obs = env.reset(1);
    for (int t = 1; t <= env.maxEpisodeSteps(); t++) {
      StepResult s = env.step(new double[] {policy.applyAsDouble(obs)});
      if (s.terminated()) {
        assertEquals(goalReward, s.reward(), 0.0, id + ": reward on the goal step");
        assertTrue(t < env.maxEpisodeSteps(), id + " reached the goal only at the cutoff");
        return;
      }
      obs = s.observation();
    }
    throw new AssertionError(id + ": no goal within " + env.maxEpisodeSteps() + " steps");
  }
}
