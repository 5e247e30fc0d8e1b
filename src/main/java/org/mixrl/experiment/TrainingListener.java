package org.mixrl.experiment;

/**
 * Hooks a front end (progress bar, test) attaches to a {@link Trainer}; the trainer itself
 * never prints. All methods run on the training thread.
 */
public interface TrainingListener {
  /** After every environment step. {@code lastReturn} is NaN before the first episode ends. */
  default void onStep(long step, long totalSteps, double lastReturn) {}

  /** After a row was appended to metrics.csv. */
  default void onRow(MetricsRow row) {}

  /** After a checkpoint was written. */
  default void onCheckpoint(long step) {}

  /**
   * Asked after every step (and its checkpoint, if any): true stops the run at once without a
   * further checkpoint, as a kill would (rows written since the last checkpoint stay on disk
   * and are rewritten on resume).
   */
  default boolean stopRequested(long step) {
    return false;
  }

  /**
   * Asked after every step (and its checkpoint, if any): true writes a checkpoint at this step
   * (unless one was just written) and stops, so a resume continues from exactly here. What a
   * front end answers on SIGTERM or Ctrl-C.
   */
  default boolean pauseRequested(long step) {
    return false;
  }

  /** A listener that does nothing. */
  TrainingListener NONE = new TrainingListener() {};
}
