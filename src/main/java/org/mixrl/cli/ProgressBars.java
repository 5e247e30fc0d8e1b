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
            .setConsumer(consumer(quiet));
    return b.build();
  }

  /** Seconds between the plain log lines written when standard error is not a terminal. */
  static final long LOG_INTERVAL_MILLIS = 5_000;

  private static me.tongfei.progressbar.ProgressBarConsumer consumer(boolean quiet) {
    if (quiet) {
      return new ConsoleProgressBarConsumer(nullStream());
    }
    if (System.console() == null) {
      // piped or redirected: frames would pile up in the file; write a line now and then
      return new LogLineProgressConsumer(System.err, LOG_INTERVAL_MILLIS, System::nanoTime);
    }
    return new ConsoleProgressBarConsumer(System.err);
  }

  private static java.io.PrintStream nullStream() {
    return new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
  }
}
