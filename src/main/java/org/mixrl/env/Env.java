package org.mixrl.env;

/**
 * A Gymnasium-style episodic environment with a continuous action box.
 *
 * <p>Life cycle: {@link #reset(long)} (or {@link #reset()}), then {@link #step} until the
 * result is terminated or truncated, then reset again. Stepping before the first reset or
 * after the episode ended throws {@link IllegalStateException}. The time limit is part of the
 * env: the step counter starts at 0 on reset, is incremented by every step, and the step is
 * truncated when the counter reaches {@link #maxEpisodeSteps()}.
 *
 * <p>Each env owns one {@link org.mixrl.random.RandomStream}, used only by resets. A new env
 * behaves as if seeded with 0, so {@link #reset()} on it is reproducible too.
 */
public interface Env {

  /** Re-seeds the env's own random stream with {@code seed} and starts a new episode. */
  double[] reset(long seed);

  /** Starts a new episode, continuing the env's random stream. */
  double[] reset();

  /**
   * Applies {@code action} for one time step.
   *
   * @throws IllegalArgumentException if the action has the wrong length or a NaN or infinite
   *     component (actions outside the box are clipped as each env documents)
   * @throws IllegalStateException before the first reset or after the episode ended
   */
  StepResult step(double[] action);

  /** The box every observation lies in (where the dynamics guarantee it). */
  Box observationSpace();

  /** The box actions are clipped to. */
  Box actionSpace();

  /** The registry id, e.g. {@code "Pendulum-v1"}. */
  String id();

  /** Time limit: the number of steps after which an episode is truncated. */
  int maxEpisodeSteps();

  /** Captures the dynamics, step counter, phase and random stream for a checkpoint. */
  EnvState saveState();

  /**
   * Restores a state saved by an env with the same id; the env then continues exactly as the
   * saved one would have.
   *
   * @throws IllegalArgumentException if the state came from another id or has the wrong size
   */
  void restoreState(EnvState state);
}
