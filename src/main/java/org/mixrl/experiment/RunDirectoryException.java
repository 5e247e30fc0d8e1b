package org.mixrl.experiment;

import java.io.IOException;

/**
 * A run directory that cannot be used as asked: nothing to resume in it, a run already in it,
 * a config or checkpoint that is corrupt or belongs to another config, or another process
 * writing it. What was asked is wrong, not the machine: the CLI reports it as bad input
 * (exit 2), other I/O failures as a failed run (exit 1).
 */
public final class RunDirectoryException extends IOException {
  private static final long serialVersionUID = 1L;

  public RunDirectoryException(String message) {
    super(message);
  }

  public RunDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
