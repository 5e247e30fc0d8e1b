package org.mixrl.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on standard error, so standard output stays clean for data (CSV). */
final class ProgressBars {
  private ProgressBars() {}

  /** A bar over {@code total} units; close it when done. Quiet ones draw nothing. */
  static ProgressBar create(String task, long total, String unit, boolean quiet) {
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setUnit(" " + unit, 1)
            .showSpeed()
            .setConsumer(new ConsoleProgressBarConsumer(quiet ? nullStream() : System.err));
    return b.build();
  }

  private static java.io.PrintStream nullStream() {
    return new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
  }
}
