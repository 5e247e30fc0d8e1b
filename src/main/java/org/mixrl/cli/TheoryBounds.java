package org.mixrl.cli;

import org.mixrl.bandit.BumpsReward;

/**
 * The ranges of the theory commands' numeric options within which the exact quadrature and
 * the searches stay finite. Beyond them the numerics overflow or a bump falls between
 * quadrature nodes, so the commands refuse the value and name the option and the range
 * instead of printing NaN or an internal class's message.
 */
final class TheoryBounds {
  private TheoryBounds() {}

  static final double MAX_HEIGHT = 1e6;
  static final double MIN_WIDTH = 1e-3;
  static final double MAX_WIDTH = 1e3;
  static final double MAX_CENTRE = 1e3;
  static final double MAX_ALPHA = 1e6;

  /**
   * Most bumps a theory command accepts: finding r_max (mean shift from every centre) costs time
   * quadratic in the count, 1.5 s of CPU at 1000 bumps and 24 s at 3000.
   */
  static final int MAX_BUMPS = 1000;

  /** Parses {@code spec} (from option {@code option}) after checking its bump count; checks it. */
  static BumpsReward parseReward(String option, String spec) {
    if (spec != null && spec.trim().startsWith("bumps:")) {
      long bumps = spec.chars().filter(c -> c == ',').count() + 1;
      if (bumps > MAX_BUMPS) {
        throw new IllegalArgumentException(option + ": at most " + MAX_BUMPS + " bumps, got "
            + bumps);
      }
    }
    return reward(option, BumpsReward.parse(spec));
  }

  /** Checks every bump of {@code r} (from option {@code option}); returns r. */
  static BumpsReward reward(String option, BumpsReward r) {
    for (int i = 0; i < r.bumps(); i++) {
      String bump = option + ": bump " + (i + 1) + " ";
      double h = r.height(i);
      if (!(Math.abs(h) <= MAX_HEIGHT)) {
        throw new IllegalArgumentException(bump + "height must be in [-" + fmt(MAX_HEIGHT)
            + ", " + fmt(MAX_HEIGHT) + "], got " + h);
      }
      double w = r.width(i);
      if (!(w >= MIN_WIDTH && w <= MAX_WIDTH)) {
        throw new IllegalArgumentException(bump + "width must be in [" + fmt(MIN_WIDTH) + ", "
            + fmt(MAX_WIDTH) + "], got " + w);
      }
      for (double c : r.centre(i)) {
        if (!(Math.abs(c) <= MAX_CENTRE)) {
          throw new IllegalArgumentException(bump + "centre must be in [-" + fmt(MAX_CENTRE)
              + ", " + fmt(MAX_CENTRE) + "], got " + c);
        }
      }
    }
    return r;
  }

  /** Checks {@code --alpha} of the searches: finite, positive and at most MAX_ALPHA. */
  static double alpha(double alpha) {
    if (!(alpha > 0 && alpha <= MAX_ALPHA)) {
      throw new IllegalArgumentException(
          "--alpha must be in (0, " + fmt(MAX_ALPHA) + "], got " + alpha);
    }
    return alpha;
  }

  private static String fmt(double x) {
    return x >= 1e3 || x < 1e-2 ? String.format(java.util.Locale.ROOT, "%.0e", x)
        : Double.toString(x);
  }
}
