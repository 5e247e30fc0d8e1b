package org.mixrl.kernel;

import java.util.List;

/**
 * A cell failed: it did not compile, threw, or was interrupted. The message is a one-line
 * summary; {@link #report()} is the readable report shown in the notebook, line by line.
 */
public final class CellException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> report;

  CellException(String summary, List<String> report) {
    // No stack trace: the kernel's own frames say nothing about the cell; report() does.
    super(summary, null, false, false);
    this.report = List.copyOf(report);
  }

  /** The lines shown as the cell's error output (no line contains a newline). */
  public List<String> report() {
    return report;
  }
}
