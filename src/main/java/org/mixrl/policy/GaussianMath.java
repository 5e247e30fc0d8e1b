package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/** Shared Gaussian formulas written once, used by every policy class. */
final class GaussianMath {
  static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
  static final double HALF_LOG_2PI_E = 0.5 * Math.log(2 * Math.PI * Math.E);

  private GaussianMath() {}

  /** log N(x; mean, exp(logStd)^2) elementwise (broadcasting); sum over dims is the caller's. */
  static Tensor logDensity(Tensor x, Tensor mean, Tensor logStd) {
    return standardize(x, mean, logStd).square().mul(-0.5).sub(logStd).sub(HALF_LOG_2PI);
  }

  /** (x - mean) / exp(logStd) elementwise (broadcasting). */
  static Tensor standardize(Tensor x, Tensor mean, Tensor logStd) {
    // (x - mu) * exp(-log sigma) instead of dividing by sigma: one exp, no division by ~0
    return x.sub(mean).mul(logStd.neg().exp());
  }
}
