package org.mixrl.experiment;

import java.util.Arrays;
import org.mixrl.random.RandomStream;

/**
 * Percentile bootstrap confidence intervals for the mean of a small sample (one value per
 * seed): resample with replacement {@code resamples} times, take the mean of each resample, and
 * report the (1 - level)/2 and (1 + level)/2 quantiles of those means.
 *
 * <p>Randomness enters only through the stream given, so the same seed gives the same interval.
 * Each resample draws its n indices with {@code rng.nextInt(n)}, resample after resample; sweep
 * collect's tables depend on that order, so keep it. The percentile method is the field's
 * convention (e.g. rliable); with few seeds it is narrower than it should be (docs/sweeps.md).
 */
public final class Bootstrap {
  /** Resamples used by {@link #meanInterval(double[], RandomStream)}. */
  public static final int DEFAULT_RESAMPLES = 2000;

  private Bootstrap() {}

  /**
   * A mean with its confidence interval.
   *
   * @param mean the sample mean
   * @param lower lower end of the interval
   * @param upper upper end of the interval
   * @param n the sample size
   */
  public record Interval(double mean, double lower, double upper, int n) {}

  /** 95% percentile interval from {@value #DEFAULT_RESAMPLES} resamples. */
  public static Interval meanInterval(double[] values, RandomStream rng) {
    return meanInterval(values, 0.95, DEFAULT_RESAMPLES, rng);
  }

  /** Percentile interval of the mean at {@code level} (in (0, 1)) from {@code resamples}. */
  public static Interval meanInterval(
      double[] values, double level, int resamples, RandomStream rng) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("Bootstrap: need at least one value");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("Bootstrap: level must be in (0, 1), got " + level);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("Bootstrap: resamples must be >= 1, got " + resamples);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "Bootstrap: values[" + i + "] must be finite, got " + values[i]);
      }
    }
    int n = values.length;
    double mean = mean(values);
    if (n == 1) {
      return new Interval(mean, mean, mean, 1);
    }
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[rng.nextInt(n)];
      }
      means[r] = s / n;
    }
    Arrays.sort(means);
    return new Interval(
        mean, quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2), n);
  }

  /**
   * Unpaired percentile interval of mean(a) − mean(b): each resample draws a and b with
   * replacement independently (a's n indices, then b's m indices). For two methods run on the
   * same seeds, the paired interval ({@link #meanInterval} of the per-seed differences) is the
   * sharper one; this is the interval that ignores the pairing.
   */
  public static Interval differenceInterval(
      double[] a, double[] b, double level, int resamples, RandomStream rng) {
    // validates both samples and the level with the same messages as meanInterval
    meanInterval(a, level, 1, RandomStream.of(0));
    meanInterval(b, level, 1, RandomStream.of(0));
    if (resamples < 1) {
      throw new IllegalArgumentException("Bootstrap: resamples must be >= 1, got " + resamples);
    }
    double diff = mean(a) - mean(b);
    if (a.length == 1 && b.length == 1) {
      return new Interval(diff, diff, diff, 1);
    }
    double[] d = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double sa = 0;
      for (int i = 0; i < a.length; i++) {
        sa += a[rng.nextInt(a.length)];
      }
      double sb = 0;
      for (int i = 0; i < b.length; i++) {
        sb += b[rng.nextInt(b.length)];
      }
      d[r] = sa / a.length - sb / b.length;
    }
    Arrays.sort(d);
    return new Interval(diff, quantile(d, (1 - level) / 2), quantile(d, (1 + level) / 2),
        Math.min(a.length, b.length));
  }

  /** The arithmetic mean of {@code v}. */
  public static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Linear interpolation between order statistics (NumPy's default "linear" method). */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double frac = pos - lo;
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
  }
}
