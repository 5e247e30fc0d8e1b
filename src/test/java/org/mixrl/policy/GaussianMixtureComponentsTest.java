package org.mixrl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mixrl.tensor.Tensor;

/** Per-component CDF and log-density in one dimension, against the scalar formulas. */
class GaussianMixtureComponentsTest {
  // one state, K = 2, d = 2: mu = [[0.5, -1], [2, 0.25]], log sigma = [[-0.3, 0.2], [0.1, -1]]
  private static final double[] MU = {0.5, -1, 2, 0.25};
  private static final double[] LS = {-0.3, 0.2, 0.1, -1};

  private static GaussianMixture mixture() {
    return new GaussianMixture(Tensor.of(new double[] {0.3, -0.4}, 1, 2), Tensor.of(MU, 1, 2, 2),
        Tensor.of(LS, 1, 2, 2));
  }

  @Test
  void cdfAndLogDensityMatchTheScalarFormulasPerComponent() {
    GaussianMixture q = mixture();
    double[] x = {-0.7, 0.4, 1.9}; // M = 3 values
    for (int j = 0; j < 2; j++) {
      double[] cdf = q.componentCdf(Tensor.of(x, 1, 3), j).toArray();
      double[] logN = q.componentLogDensity(Tensor.of(x, 1, 3), j).toArray();
      for (int m = 0; m < 3; m++) {
        for (int k = 0; k < 2; k++) {
          double sigma = Math.exp(LS[k * 2 + j]);
          double z = (x[m] - MU[k * 2 + j]) / sigma;
          double expectedLog = -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
          assertEquals(expectedLog, logN[m * 2 + k], 1e-12);
          double expectedCdf = 0.5 * (1 + erf(z / Math.sqrt(2)));
          assertEquals(expectedCdf, cdf[m * 2 + k], 1e-7);
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> q.componentCdf(Tensor.of(x, 1, 3), 2));
  }

  /** Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7), independent of the library's CDF. */
  private static double erf(double v) {
    double t = 1 / (1 + 0.3275911 * Math.abs(v));
    double y = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
        + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-v * v);
    return v >= 0 ? y : -y;
  }
}
