package org.mixrl.optim;

/** Hyperparameters of {@link Adam}; defaults are PyTorch's (and the Adam paper's). */
public record AdamConfig(
    double learningRate, double beta1, double beta2, double eps, double weightDecay) {
  public AdamConfig {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learningRate must be finite and >= 0, got " + learningRate);
    }
    if (!(beta1 >= 0 && beta1 < 1)) {
      throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
    }
    if (!(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
    }
    if (!(eps >= 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("eps must be finite and >= 0, got " + eps);
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException(
          "weightDecay must be finite and >= 0, got " + weightDecay);
    }
  }

  /** lr with β = (0.9, 0.999), ε = 1e-8, no weight decay. */
  public static AdamConfig of(double learningRate) {
    return new AdamConfig(learningRate, 0.9, 0.999, 1e-8, 0.0);
  }

  /** The same config with another learning rate. */
  public AdamConfig withLearningRate(double lr) {
    return new AdamConfig(lr, beta1, beta2, eps, weightDecay);
  }

  /** The same config with L2 weight decay {@code wd} added to the gradient. */
  public AdamConfig withWeightDecay(double wd) {
    return new AdamConfig(learningRate, beta1, beta2, eps, wd);
  }
}
