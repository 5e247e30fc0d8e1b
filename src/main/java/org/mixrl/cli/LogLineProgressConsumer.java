package org.mixrl.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A progress bar's output when standard error is not a terminal (a log file, a pipe, a Slurm
 * .out file): instead of carriage-return frames, one plain line every few seconds, and the
 * final state on its own line when the bar closes, so the next message starts on a new line.
 */
final class LogLineProgressConsumer implements ProgressBarConsumer {
  /** Width the bar is rendered to; fixed, so lines do not change length with the terminal. */
  static final int WIDTH = 100;

  private final PrintStream out;
  private final long intervalNanos;
  private final LongSupplier clock;
  private long lastPrinted;
  private String last;
  private String lastWritten;

  LogLineProgressConsumer(PrintStream out, long intervalMillis, LongSupplier nanoClock) {
    this.out = out;
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.clock = nanoClock;
    this.lastPrinted = nanoClock.getAsLong();
  }

  @Override
  public int getMaxRenderedLength() {
    return WIDTH;
  }

  @Override
  public void accept(String rendered) {
    last = rendered.replace("\r", "").stripTrailing();
    long now = clock.getAsLong();
    if (now - lastPrinted >= intervalNanos) {
      write(last);
      lastPrinted = now;
    }
  }

  @Override
  public void clear() {}

  @Override
  public void close() {
    if (last != null && !last.equals(lastWritten)) {
      write(last);
    }
    out.flush();
  }

  private void write(String line) {
    out.println(line);
    out.flush();
    lastWritten = line;
  }
}
