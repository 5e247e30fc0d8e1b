package org.mixrl.experiment.sweep;

import java.util.Arrays;
import org.mixrl.random.RandomStream;

/** Percentile bootstrap intervals for a mean over seeds. */
public final class Bootstrap {
  private Bootstrap() {}

  /**
   * A mean and its interval.
   *
   * @param mean the sample mean
   * @param low lower end of the interval
   * @param high upper end of the interval
   */
  public record Interval(double mean, double low, double high) {}

  /**
   * The mean of {@code xs} and its percentile bootstrap interval at {@code level} (e.g. 0.95):
   * resample the values with replacement {@code resamples} times and take the (1-level)/2 and
   * (1+level)/2 quantiles of the resampled means. One value gives a zero-width interval; the
   * percentile method is the field's convention (e.g. rliable), and with few seeds it is
   * narrower than it should be, which docs/sweeps.md says.
   */
  public static Interval meanInterval(double[] xs, int resamples, double level, RandomStream rng) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("bootstrap needs at least one value, got none");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
    double mean = mean(xs);
    if (xs.length == 1) {
      return new Interval(mean, mean, mean);
    }
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double s = 0;
      for (int i = 0; i < xs.length; i++) {
        s += xs[rng.nextInt(xs.length)];
      }
      means[b] = s / xs.length;
    }
    Arrays.sort(means);
    return new Interval(mean, quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2));
  }

  static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  /** Linear-interpolation quantile of sorted values (numpy's default). */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}
