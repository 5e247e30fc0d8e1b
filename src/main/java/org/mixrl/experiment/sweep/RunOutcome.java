package org.mixrl.experiment.sweep;

/** How one attempt at a run ended. */
public enum RunOutcome {
  /** The command finished with exit code 0; {@code done.json} was written. */
  FINISHED,
  /** The run was already done; nothing ran. */
  ALREADY_DONE,
  /** Another process holds the run's lock; nothing ran. */
  BUSY,
  /**
   * The command was stopped by SIGTERM or SIGINT after saving a checkpoint (exit code 130 or
   * 143): not a failure; the next attempt resumes it.
   */
  INTERRUPTED,
  /** The command exited non-zero; {@code failed.json} records it. */
  FAILED
}
