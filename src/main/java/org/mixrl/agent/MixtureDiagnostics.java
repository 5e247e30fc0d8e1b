package org.mixrl.agent;

import org.mixrl.dist.Mixture;
import org.mixrl.dist.Policy;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * Summaries of a batch of mixture policies' weights: how many components are in use. Kept out
 * of {@link Sac} so that the update itself never asks which policy class it trains.
 *
 * @param effectiveComponents exp(H(w)), H(w) = -sum_k w_k log w_k, averaged over states: K for
 *     uniform weights, 1 when one component holds all the mass
 * @param maxWeight the largest weight, averaged over states
 */
public record MixtureDiagnostics(double effectiveComponents, double maxWeight) {
  /** NaN for both when {@code policy} is not a mixture. */
  public static MixtureDiagnostics of(Policy policy) {
    if (!(policy instanceof Mixture m)) {
      return new MixtureDiagnostics(Double.NaN, Double.NaN);
    }
    try (GradMode g = GradMode.noGrad()) {
      Tensor logW = m.logWeights(); // [B, K]
      double[] lw = logW.data();
      int b = m.batchSize();
      int k = m.components();
      double effSum = 0;
      double maxSum = 0;
      for (int i = 0; i < b; i++) {
        double h = 0;
        double max = 0;
        for (int j = 0; j < k; j++) {
          double w = Math.exp(lw[i * k + j]);
          // w log w -> 0 as w -> 0; skip exact zeros so 0 * -inf does not give NaN
          if (w > 0) {
            h -= w * lw[i * k + j];
          }
          max = Math.max(max, w);
        }
        effSum += Math.exp(h);
        maxSum += max;
      }
      return new MixtureDiagnostics(effSum / b, maxSum / b);
    }
  }
}
