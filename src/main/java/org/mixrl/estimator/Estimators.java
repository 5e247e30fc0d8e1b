package org.mixrl.estimator;

import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/** Small helpers shared by the estimators; names and construction live in EstimatorSpec. */
public final class Estimators {
  private Estimators() {}

  /** -mean over draws of log pi, per state, detached: [B, M] -> [B]. */
  static Tensor entropyOf(Tensor logp) {
    try (GradMode g = GradMode.noGrad()) {
      return logp.mean(1, false).neg().detach();
    }
  }
}
