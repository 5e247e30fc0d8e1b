package org.mixrl.estimator;

/** Validates the number of draws per state, M >= 1. */
final class SampleCount {
  private SampleCount() {}

  static int check(String estimator, int m) {
    if (m < 1) {
      throw new IllegalArgumentException(
          estimator + ": samples per state must be >= 1, got " + m);
    }
    return m;
  }
}
