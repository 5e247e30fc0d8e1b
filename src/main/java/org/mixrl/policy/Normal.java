package org.mixrl.policy;

import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.MixtureDensity;
import org.mixrl.tensor.Tensor;

/** Diagonal Gaussian N(mean, diag(exp(logStd)^2)) per state; mean and logStd are [B, d]. */
public final class Normal implements Reparameterizable {
  private final Tensor mean;
  private final Tensor logStd;

  public Normal(Tensor mean, Tensor logStd) {
    if (mean.rank() != 2 || !java.util.Arrays.equals(mean.shape(), logStd.shape())) {
      throw new IllegalArgumentException(
          "Normal: mean and logStd must both be [B, d], got " + java.util.Arrays.toString(
              mean.shape()) + " and " + java.util.Arrays.toString(logStd.shape()));
    }
    this.mean = mean;
    this.logStd = logStd;
  }

  public Tensor mean() {
    return mean;
  }

  public Tensor logStd() {
    return logStd;
  }

  @Override
  public int batchSize() {
    return mean.size(0);
  }

  @Override
  public int actionDim() {
    return mean.size(1);
  }

  @Override
  public Tensor rsampleLatent(Tensor eps) {
    checkActions("Normal.rsample", eps);
    return mean.unsqueeze(1).add(logStd.exp().unsqueeze(1).mul(eps));
  }

  @Override
  public Tensor sampleLatent(RandomStream rng, int m) {
    try (GradMode g = GradMode.noGrad()) {
      return rsampleLatent(Tensor.randn(rng, batchSize(), m, actionDim())).detach();
    }
  }

  @Override
  public Tensor toAction(Tensor latents) {
    return latents;
  }

  @Override
  public Tensor logProb(Tensor actions) {
    checkActions("Normal.logProb", actions);
    // one fused node; the same value as logDensity(actions, mean, logStd) summed over d
    return MixtureDensity.gaussianLogProb(actions, mean, logStd);
  }

  @Override
  public Tensor logProbOfLatent(Tensor latents) {
    return logProb(latents);
  }

  @Override
  public Tensor mode() {
    return mean;
  }

  /** Closed form: sum_j (0.5 log(2 pi e) + log sigma_j). */
  @Override
  public Tensor entropy(RandomStream rng) {
    return logStd.add(GaussianMath.HALF_LOG_2PI_E).sum(1, false);
  }
}
