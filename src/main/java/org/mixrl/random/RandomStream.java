package org.mixrl.random;

/**
 * A seeded, splittable stream of random numbers (SplitMix64).
 *
 * <p>mixrl has no hidden global randomness: every random draw takes a {@code RandomStream}
 * argument. The generator is our own SplitMix64 rather than {@link java.util.SplittableRandom}
 * because its whole state (two longs) must be readable for checkpoints and its Gaussian
 * sampler must not change between JDK releases; the same seed gives bitwise-identical numbers
 * on every JDK.
 *
 * <p>Not thread-safe: give each thread its own stream via {@link #split()}.
 */
public final class RandomStream {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long seed;
  private final long gamma;
  private double spareGaussian;
  private boolean hasSpareGaussian;

  private RandomStream(long seed, long gamma) {
    this.seed = seed;
    this.gamma = gamma;
  }

  /** A stream determined entirely by {@code seed}. */
  public static RandomStream of(long seed) {
    return new RandomStream(mix64(seed), GOLDEN_GAMMA);
  }

  /**
   * Restores a stream from {@link #state()}; the restored stream continues exactly where the
   * saved one was.
   */
  public static RandomStream fromState(long[] state) {
    if (state == null || state.length != 4) {
      throw new IllegalArgumentException(
          "RandomStream state must have 4 longs, got " + (state == null ? "null" : state.length));
    }
    if ((state[1] & 1L) == 0) {
      throw new IllegalArgumentException("RandomStream state: gamma must be odd, got " + state[1]);
    }
    RandomStream s = new RandomStream(state[0], state[1]);
    s.hasSpareGaussian = state[2] != 0;
    s.spareGaussian = Double.longBitsToDouble(state[3]);
    return s;
  }

  /** The full state: {seed, gamma, hasSpare, spareBits}. */
  public long[] state() {
    return new long[] {
      seed, gamma, hasSpareGaussian ? 1L : 0L, Double.doubleToRawLongBits(spareGaussian)
    };
  }

  /** A new, statistically independent stream; advances this one by two draws. */
  public RandomStream split() {
    return new RandomStream(mix64(nextRaw()), mixGamma(nextRaw()));
  }

  /**
   * A child stream keyed by {@code key} that does not advance this stream: the same parent
   * state and key always give the same child (useful for naming per-purpose streams).
   */
  public RandomStream child(long key) {
    long s = mix64(seed ^ mix64(key + GOLDEN_GAMMA));
    return new RandomStream(s, mixGamma(s + gamma));
  }

  /** Uniform 64-bit value. */
  public long nextLong() {
    return mix64(nextRaw());
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform double in (0, 1): never exactly 0, so its log is finite. */
  public double nextOpenDouble() {
    return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
  }

  /** Uniform double in [lo, hi). */
  public double uniform(double lo, double hi) {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("uniform: need lo <= hi, got lo=" + lo + " hi=" + hi);
    }
    return lo + (hi - lo) * nextDouble();
  }

  /** Uniform int in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("nextInt: bound must be positive, got " + bound);
    }
    int r = (int) (nextLong() >>> 33);
    int m = bound - 1;
    if ((bound & m) == 0) {
      return (int) ((bound * (long) r) >> 31);
    }
    for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) {
      // rejection of the biased tail
    }
    return r;
  }

  /**
   * Standard normal draw by the Marsaglia polar method (exact, uses only {@link #nextDouble},
   * so it is reproducible on every JDK).
   */
  public double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2.0 * nextDouble() - 1.0;
      v = 2.0 * nextDouble() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(s) / s);
    spareGaussian = v * f;
    hasSpareGaussian = true;
    return u * f;
  }

  /** Standard Gumbel draw: -log(-log U). */
  public double nextGumbel() {
    return -Math.log(-Math.log(nextOpenDouble()));
  }

  /** Index k drawn with probability proportional to {@code weights[k]} (non-negative). */
  public int nextCategorical(double[] weights) {
    double total = 0;
    for (int k = 0; k < weights.length; k++) {
      double w = weights[k];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            "nextCategorical: weights must be finite and >= 0, got weights[" + k + "]=" + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("nextCategorical: weights sum to " + total + ", need > 0");
    }
    double u = nextDouble() * total;
    double acc = 0;
    for (int k = 0; k < weights.length; k++) {
      acc += weights[k];
      if (u < acc) {
        return k;
      }
    }
    // Rounding can leave u == total; return the last index with positive weight.
    for (int k = weights.length - 1; k >= 0; k--) {
      if (weights[k] > 0) {
        return k;
      }
    }
    throw new AssertionError("unreachable");
  }

  private long nextRaw() {
    return seed += gamma;
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long mixGamma(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z = (z ^ (z >>> 33)) | 1L;
    // Too few bit transitions give a poorly mixing stream; flip to fix.
    return (Long.bitCount(z ^ (z >>> 1)) < 24) ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
  }
}
