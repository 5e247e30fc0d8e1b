package org.mixrl.estimator;

/**
 * Options an estimator may read; each estimator ignores the ones it does not use: draws per
 * state (per component for mrp), the baseline of lr and rplr, shared noise across mrp's
 * components, and the temperature lambda of gs.
 */
public record EstimatorOptions(
    int samples, Baseline baseline, boolean sharedNoise, double temperature) {
  public EstimatorOptions {
    if (samples < 1) {
      throw new IllegalArgumentException("samples per state must be >= 1, got " + samples);
    }
    if (baseline == null) {
      throw new IllegalArgumentException(
          "baseline must be one of none, mean, loo, batch-loo, got null");
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("gs temperature must be > 0, got " + temperature);
    }
  }

  /** One draw per state, leave-one-out-over-batch baseline, no shared noise, lambda = 0.5. */
  public static EstimatorOptions defaults() {
    return new EstimatorOptions(1, Baseline.batchLeaveOneOut(), false, 0.5);
  }

  public EstimatorOptions withBaseline(Baseline b) {
    return new EstimatorOptions(samples, b, sharedNoise, temperature);
  }

  public EstimatorOptions withSamples(int m) {
    return new EstimatorOptions(m, baseline, sharedNoise, temperature);
  }

  public EstimatorOptions withSharedNoise(boolean shared) {
    return new EstimatorOptions(samples, baseline, shared, temperature);
  }

  public EstimatorOptions withTemperature(double t) {
    return new EstimatorOptions(samples, baseline, sharedNoise, t);
  }
}
