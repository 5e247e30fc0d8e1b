package org.mixrl.estimator;

import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/** Small helpers shared by the estimators; names and construction live in EstimatorSpec. */
public final class Estimators {
  /**
   * Every estimator name. Transitional: {@code SacConfig} still reads it until it holds an
   * {@link EstimatorSpec}; new code calls {@link EstimatorSpec#names()}.
   */
  public static final java.util.List<String> NAMES = EstimatorSpec.names();

  private Estimators() {}

  /**
   * Transitional home of {@code Options.defaults()} for {@code SacConfig}; new code uses
   * {@link EstimatorOptions#defaults()}.
   */
  public static final class Options {
    private Options() {}

    public static EstimatorOptions defaults() {
      return EstimatorOptions.defaults();
    }
  }

  /** Transitional: {@code new EstimatorSpec(name, options).create()}. */
  public static Estimator create(String name, EstimatorOptions options) {
    return new EstimatorSpec(name, options).create();
  }

  /** -mean over draws of log pi, per state, detached: [B, M] -> [B]. */
  static Tensor entropyOf(Tensor logp) {
    try (GradMode g = GradMode.noGrad()) {
      return logp.mean(1, false).neg().detach();
    }
  }
}
