package org.mixrl.cli;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress bars on standard error, so standard output stays clean for data (CSV). On a terminal
 * the bar redraws in place, keeps its width ({@link StableWidthRenderer}) and ends with a newline
 * when closed, so the next message starts on a line of its own; elsewhere (a file, a pipe, a
 * Slurm log) a plain line every few seconds ({@link LogLineProgressConsumer}).
 */
final class ProgressBars {
  private ProgressBars() {}

  /** Seconds between the plain log lines written when standard error is not a terminal. */
  static final long LOG_INTERVAL_MILLIS = 5_000;

  /** A bar over {@code total} units; close it when done. Quiet ones draw nothing. */
  static ProgressBar create(String task, long total, String unit, boolean quiet) {
    return build(builder(task, total, unit, 0), consumer(quiet));
  }

  /**
   * A bar that appears only once its task has taken {@code delayMillis}: quick runs print
   * nothing, slow ones show where they are.
   */
  static ProgressBar delayed(String task, long total, String unit, boolean quiet,
      long delayMillis) {
    return build(builder(task, total, unit, 0),
        new DelayedProgressConsumer(consumer(quiet), delayMillis, System::nanoTime));
  }

  /**
   * The settings every bar shares; {@code extraWidth} is the longest extra message the caller
   * will set (a stage name, a last return), which the bar's width reserves from the start.
   */
  static ProgressBarBuilder builder(String task, long total, String unit, int extraWidth) {
    String u = " " + unit;
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUpdateIntervalMillis(250)
        .setRenderer(new StableWidthRenderer(u, ChronoUnit.SECONDS,
            StableWidthRenderer.suffixEstimate(total, u, extraWidth)));
  }

  /**
   * Builds the bar and returns once it has drawn its first frame. progressbar 0.10.2 closes its
   * consumer (the terminal's final newline, the log consumer's last line) only when the bar has
   * drawn before close() runs: a bar closed within its first update left the next message
   * glued to the bar, or the log without its final line.
   */
  static ProgressBar build(ProgressBarBuilder builder, ProgressBarConsumer consumer) {
    FirstFrame first = new FirstFrame(consumer);
    ProgressBar bar = builder.setConsumer(first).build();
    first.await();
    return bar;
  }

  /** Where a bar's frames go: nowhere, the terminal, or plain log lines. */
  static ProgressBarConsumer consumer(boolean quiet) {
    if (quiet) {
      return new ConsoleProgressBarConsumer(nullStream());
    }
    if (System.console() == null) {
      // piped or redirected: frames would pile up in the file; write a line now and then
      return new LogLineProgressConsumer(System.err, LOG_INTERVAL_MILLIS, System::nanoTime);
    }
    // the library's console consumer: '\r' frames trimmed to the terminal, a newline on close
    return new ConsoleProgressBarConsumer(System.err);
  }

  private static java.io.PrintStream nullStream() {
    return new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
  }

  /** Passes everything on and notes the first frame. */
  private static final class FirstFrame implements ProgressBarConsumer {
    private final ProgressBarConsumer inner;
    private final CountDownLatch drawn = new CountDownLatch(1);

    FirstFrame(ProgressBarConsumer inner) {
      this.inner = inner;
    }

    void await() {
      try {
        // the library's single update thread draws at once; the bound only guards a stall
        drawn.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public int getMaxRenderedLength() {
      return inner.getMaxRenderedLength();
    }

    @Override
    public void accept(String rendered) {
      inner.accept(rendered);
      drawn.countDown();
    }

    @Override
    public void clear() {
      inner.clear();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
