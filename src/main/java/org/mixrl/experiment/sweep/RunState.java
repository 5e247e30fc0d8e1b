package org.mixrl.experiment.sweep;

/** Where a run stands, as {@code sweep status} reports it. */
public enum RunState {
  /** Not started, or interrupted (then resumable from its checkpoint). */
  PENDING,
  /** Its lock is held by a live process. */
  RUNNING,
  /** Finished: {@code done.json} exists. */
  DONE,
  /** The last attempt failed: {@code failed.json} holds the exit code and the error's tail. */
  FAILED;

  /** Lower-case name, as printed. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
