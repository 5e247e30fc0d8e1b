package org.mixrl.bench;

import java.util.Arrays;

/** The median of repeated timings, the statistic every benchmark here reports. */
final class Medians {
  private Medians() {}

  /** Median of {@code xs} (the mean of the two middle values for an even count); sorts a copy. */
  static double of(double[] xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("median of no timings");
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
