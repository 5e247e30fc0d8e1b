package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * How often undirected random exploration reaches a cost-to-goal task's goal: each episode draws
 * actions uniformly from the action box and holds each draw for {@code hold} steps (hold 1 is
 * the independent per-step noise of a Gaussian-policy agent early in training; larger holds are
 * temporally correlated noise). It separates "the agent never explored its way to the goal" from
 * "the goal cannot be reached" when every learning run of a task stays at the cutoff.
 */
public final class RandomExploration {
  private RandomExploration() {}

  /**
   * One setting's outcome.
   *
   * @param envId the environment
   * @param hold steps each random action is held
   * @param episodes episodes played, each to termination or to the env's cutoff
   * @param reached episodes that terminated (reached the goal) before the cutoff
   * @param meanStepsToGoal mean episode length of those that reached it (NaN when none did)
   */
  public record Result(String envId, int hold, int episodes, int reached, double meanStepsToGoal) {}

  /**
   * Plays {@code episodes} episodes of {@code envId}. Episode i resets with seed {@code seed + i};
   * actions come from {@code RandomStream.of(seed)}, so the same arguments give the same result.
   *
   * @throws IllegalArgumentException for an unknown env, {@code hold < 1} or {@code episodes < 1}
   */
  public static Result run(String envId, int hold, int episodes, long seed) {
    if (hold < 1) {
      throw new IllegalArgumentException("hold must be at least 1 step, got " + hold);
    }
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes must be at least 1, got " + episodes);
    }
    Env env = Envs.make(envId);
    Box box = env.actionSpace();
    RandomStream rng = RandomStream.of(seed);
    double[] action = new double[box.dim()];
    int reached = 0;
    long stepsToGoal = 0;
    for (int ep = 0; ep < episodes; ep++) {
      env.reset(seed + ep);
      for (int t = 0; t < env.maxEpisodeSteps(); t++) {
        if (t % hold == 0) {
          for (int i = 0; i < action.length; i++) {
            action[i] = rng.uniform(box.low(i), box.high(i));
          }
        }
        if (env.step(action).terminated()) { // envs read the action, never keep it
          reached++;
          stepsToGoal += t + 1;
          break;
        }
      }
    }
    return new Result(envId, hold, episodes, reached,
        reached == 0 ? Double.NaN : (double) stepsToGoal / reached);
  }
}
