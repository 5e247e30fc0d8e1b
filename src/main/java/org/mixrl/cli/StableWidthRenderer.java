package org.mixrl.cli;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.DefaultProgressBarRenderer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress bar library's own ASCII rendering, with the text after the bar (count, elapsed
 * time and ETA, speed, stage) padded to a reserved width. The library gives the bar whatever the
 * prefix and suffix leave, so without the reserve the bar shrank each time the speed gained a
 * digit or the stage name grew. The reserve starts at an estimate and only ever grows, so the
 * bar keeps its length for the whole run unless a suffix outgrows the estimate.
 */
final class StableWidthRenderer extends DefaultProgressBarRenderer {
  /** Width at which the suffix is measured: wide enough that the library never trims it. */
  private static final int MEASURE_WIDTH = 2_000;

  /** Renders of one frame at most, when the state keeps changing under it. */
  private static final int ATTEMPTS = 4;

  private int reserved;

  /**
   * @param unit the unit after counts and speeds, with its leading space (" tasks")
   * @param speedUnit SECONDS, MINUTES, HOURS or DAYS
   * @param reservedSuffix the width reserved after the bar at first; see {@link #suffixEstimate}
   */
  StableWidthRenderer(String unit, ChronoUnit speedUnit, int reservedSuffix) {
    super(ProgressBarStyle.ASCII, unit, 1, true,
        new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)), speedUnit,
        true, StableWidthRenderer::linearEta);
    this.reserved = reservedSuffix;
  }

  /**
   * A generous width for the suffix of a bar over {@code total} units: "] " + count "n/total" +
   * unit + " (H:MM:SS / H:MM:SS) " + a speed up to 9,999.9 units/s + the longest extra message.
   */
  static int suffixEstimate(long total, String unit, int extraWidth) {
    int digits = Long.toString(Math.max(total, 0)).length();
    int count = 2 * digits + 1 + unit.length();
    int times = " (0:00:00 / 0:00:00) ".length();
    int speed = "9,999.9".length() + unit.length() + "/s".length();
    return "] ".length() + count + times + speed + extraWidth;
  }

  /** The width currently reserved after the bar. */
  int reserved() {
    return reserved;
  }

  /**
   * Renders twice (once wide to measure the suffix, once at the padded width); the state is
   * live, so another thread may change the count or the stage name between the two. A frame
   * whose suffix differs from the one measured is rendered again (at most {@link #ATTEMPTS}
   * times), so the pad always matches the text it pads. Synchronized: the library's refresh
   * thread and a caller's {@code refresh()} can render at once, and both update the reserve.
   */
  @Override
  public synchronized String render(ProgressState progress, int maxLength) {
    String frame = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String wide = super.render(progress, MEASURE_WIDTH);
      int prefix = wide.indexOf('[') + 1;
      int suffix = suffixLength(wide);
      reserved = Math.max(reserved, suffix);
      // on a narrow terminal pad only what leaves the bar one character: never cut the text
      int pad = Math.min(reserved - suffix, maxLength - prefix - 1 - suffix);
      if (pad <= 0) {
        return super.render(progress, maxLength);
      }
      // the library fills maxLength - pad with prefix, bar and suffix; the pad ends the line,
      // so the bar ends at the same column in every frame (and a shorter frame erases a longer)
      String narrow = super.render(progress, maxLength - pad);
      frame = narrow + " ".repeat(pad);
      if (suffixText(narrow).equals(suffixText(wide))) {
        return frame;
      }
    }
    return frame;
  }

  /** The text from the bar's closing bracket to the end of a rendered frame. */
  private static String suffixText(String rendered) {
    return rendered.substring(rendered.length() - suffixLength(rendered));
  }

  /** Length of the text from the bar's closing bracket to the end of a rendered frame. */
  private static int suffixLength(String rendered) {
    int open = rendered.indexOf('[');
    int close = open < 0 ? -1 : rendered.indexOf(']', open + 1);
    return close < 0 ? 0 : rendered.length() - close;
  }

  /** Time left at the average speed since the bar (re)started; empty before the first unit. */
  private static Optional<Duration> linearEta(ProgressState p) {
    long done = p.getCurrent() - p.getStart();
    if (p.isIndefinite() || p.getMax() <= 0 || done <= 0) {
      return Optional.empty();
    }
    long left = Math.max(0, p.getMax() - p.getCurrent());
    return Optional.of(p.getElapsedAfterStart().dividedBy(done).multipliedBy(left));
  }
}
