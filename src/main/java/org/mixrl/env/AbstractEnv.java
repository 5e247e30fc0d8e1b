package org.mixrl.env;

import org.mixrl.random.RandomStream;

/**
 * The shared half of every env: the reset/step life cycle, the time limit, action validation
 * and checkpoint capture. A subclass supplies only its dynamics, reward and observation.
 *
 * <p>The time limit follows Gymnasium's {@code TimeLimit}: the counter is 0 after reset, each
 * step increments it, and the step with counter >= {@link #maxEpisodeSteps()} is truncated.
 */
public abstract class AbstractEnv implements Env {

  /** What one transition of the dynamics produced, before the time limit is applied. */
  protected record Outcome(double reward, boolean terminated) {}

  private final String id;
  private final Box observationSpace;
  private final Box actionSpace;
  private final int maxEpisodeSteps;
  private RandomStream random = RandomStream.of(0);
  private int stepCount;
  private EnvState.Phase phase = EnvState.Phase.NEEDS_RESET;

  /**
   * @param id registry id, used in error messages and checkpoints
   * @param observationSpace the observation box
   * @param actionSpace the action box
   * @param maxEpisodeSteps time limit, at least 1
   */
  protected AbstractEnv(String id, Box observationSpace, Box actionSpace, int maxEpisodeSteps) {
    if (id == null || observationSpace == null || actionSpace == null) {
      throw new IllegalArgumentException("AbstractEnv: id and spaces must be non-null");
    }
    if (maxEpisodeSteps < 1) {
      throw new IllegalArgumentException(
          id + ": maxEpisodeSteps must be >= 1, got " + maxEpisodeSteps);
    }
    this.id = id;
    this.observationSpace = observationSpace;
    this.actionSpace = actionSpace;
    this.maxEpisodeSteps = maxEpisodeSteps;
  }

  /** Draws (or sets) the start state of a new episode. */
  protected abstract void startEpisode(RandomStream random);

  /**
   * Advances the dynamics by one step.
   *
   * @param action a finite action of the right length, NOT yet clipped (some rewards use the
   *     raw action)
   */
  protected abstract Outcome advance(double[] action);

  /** The observation of the current state, as a fresh array. */
  protected abstract double[] observe();

  /** A copy of the internal dynamics state. */
  protected abstract double[] dynamicsState();

  /** Replaces the internal dynamics state (already checked for length). */
  protected abstract void setDynamicsState(double[] state);

  /** Number of doubles in {@link #dynamicsState()}. */
  protected abstract int dynamicsSize();

  @Override
  public final double[] reset(long seed) {
    random = RandomStream.of(seed);
    return reset();
  }

  @Override
  public final double[] reset() {
    startEpisode(random);
    stepCount = 0;
    phase = EnvState.Phase.RUNNING;
    return observe();
  }

  @Override
  public final StepResult step(double[] action) {
    if (phase == EnvState.Phase.NEEDS_RESET) {
      throw new IllegalStateException(id + ": step() called before reset()");
    }
    if (phase == EnvState.Phase.EPISODE_OVER) {
      throw new IllegalStateException(
          id + ": step() called after the episode ended (terminated or truncated); call reset()");
    }
    checkAction(action);
    Outcome outcome = advance(action);
    stepCount++;
    boolean truncated = stepCount >= maxEpisodeSteps;
    if (outcome.terminated() || truncated) {
      phase = EnvState.Phase.EPISODE_OVER;
    }
    return new StepResult(observe(), outcome.reward(), outcome.terminated(), truncated);
  }

  private void checkAction(double[] action) {
    int expected = actionSpace.dim();
    if (action == null || action.length != expected) {
      throw new IllegalArgumentException(
          id + ": action must have length " + expected + ", got "
              + (action == null ? "null" : String.valueOf(action.length)));
    }
    for (int i = 0; i < action.length; i++) {
      if (!Double.isFinite(action[i])) {
        throw new IllegalArgumentException(
            id + ": action[" + i + "] must be finite, got " + action[i]);
      }
    }
  }

  /** Steps taken since the last reset. */
  public final int stepCount() {
    return stepCount;
  }

  @Override
  public final Box observationSpace() {
    return observationSpace;
  }

  @Override
  public final Box actionSpace() {
    return actionSpace;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final int maxEpisodeSteps() {
    return maxEpisodeSteps;
  }

  @Override
  public final EnvState saveState() {
    return new EnvState(id, dynamicsState(), stepCount, phase, random.state());
  }

  @Override
  public final void restoreState(EnvState state) {
    if (state == null) {
      throw new IllegalArgumentException(id + ": restoreState needs a state, got null");
    }
    if (!id.equals(state.envId())) {
      throw new IllegalArgumentException(
          id + ": cannot restore a state saved by " + state.envId());
    }
    double[] dynamics = state.dynamics();
    if (dynamics.length != dynamicsSize()) {
      throw new IllegalArgumentException(
          id + ": state must have " + dynamicsSize() + " dynamics values, got "
              + dynamics.length);
    }
    RandomStream restored = RandomStream.fromState(state.random());
    setDynamicsState(dynamics);
    stepCount = state.stepCount();
    phase = state.phase();
    random = restored;
  }

  @Override
  public String toString() {
    return id;
  }
}
