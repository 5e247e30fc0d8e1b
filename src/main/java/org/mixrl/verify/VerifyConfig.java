package org.mixrl.verify;

/**
 * The kit's budget and error rate.
 *
 * @param repeats independent batches R per case for the unbiasedness and variance checks
 * @param familyWiseErrorRate probability that a correct estimator fails the unbiasedness check
 *     (Holm's procedure over every parameter of every case), in (0, 0.5)
 * @param seed the root seed: every check of every case draws from a stream derived from it
 *     and the case's spec alone
 * @param extremeCases how many random extreme cases the finiteness check adds to its corners
 * @param referenceVariance whether to measure LR, RP-LR, MRP (and RP) on the same cases for
 *     the variance table
 * @param shrinkAttempts the most candidate cases tried while shrinking one failure
 */
public record VerifyConfig(
    int repeats,
    double familyWiseErrorRate,
    long seed,
    int extremeCases,
    boolean referenceVariance,
    int shrinkAttempts) {
  /** The default budget's repeats. */
  public static final int DEFAULT_REPEATS = 600;
  /** The quick budget's repeats. */
  public static final int QUICK_REPEATS = 200;
  /** The default family-wise false-alarm rate. */
  public static final double DEFAULT_ERROR_RATE = 0.001;

  public VerifyConfig {
    if (repeats < 10) {
      throw new IllegalArgumentException("VerifyConfig: repeats must be >= 10, got " + repeats);
    }
    if (!(familyWiseErrorRate > 0 && familyWiseErrorRate < 0.5)) {
      throw new IllegalArgumentException(
          "VerifyConfig: familyWiseErrorRate must be in (0, 0.5), got " + familyWiseErrorRate);
    }
    if (extremeCases < 0) {
      throw new IllegalArgumentException(
          "VerifyConfig: extremeCases must be >= 0, got " + extremeCases);
    }
    if (shrinkAttempts < 0) {
      throw new IllegalArgumentException(
          "VerifyConfig: shrinkAttempts must be >= 0, got " + shrinkAttempts);
    }
  }

  /** R = 600, error rate 0.001, seed 1, 16 extreme cases, reference variances, 24 shrink tries. */
  public static VerifyConfig defaults() {
    return new VerifyConfig(DEFAULT_REPEATS, DEFAULT_ERROR_RATE, 1, 16, true, 24);
  }

  /** R = 200, no reference variances, 8 extreme cases, 12 shrink tries: a smoke test. */
  public static VerifyConfig quick() {
    return new VerifyConfig(QUICK_REPEATS, DEFAULT_ERROR_RATE, 1, 8, false, 12);
  }

  /** Whether this is {@link #quick()}'s budget (the reproduction line then says --quick). */
  public boolean isQuick() {
    return repeats == QUICK_REPEATS && !referenceVariance;
  }

  public VerifyConfig withSeed(long s) {
    return new VerifyConfig(repeats, familyWiseErrorRate, s, extremeCases, referenceVariance,
        shrinkAttempts);
  }

  public VerifyConfig withRepeats(int r) {
    return new VerifyConfig(r, familyWiseErrorRate, seed, extremeCases, referenceVariance,
        shrinkAttempts);
  }

  public VerifyConfig withReferenceVariance(boolean on) {
    return new VerifyConfig(repeats, familyWiseErrorRate, seed, extremeCases, on, shrinkAttempts);
  }

  public VerifyConfig withShrinkAttempts(int n) {
    return new VerifyConfig(repeats, familyWiseErrorRate, seed, extremeCases, referenceVariance, n);
  }

  public VerifyConfig withFamilyWiseErrorRate(double a) {
    return new VerifyConfig(repeats, a, seed, extremeCases, referenceVariance, shrinkAttempts);
  }
}
