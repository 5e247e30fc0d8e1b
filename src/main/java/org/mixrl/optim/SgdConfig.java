package org.mixrl.optim;

/** Hyperparameters of {@link SGD} (PyTorch's, with dampening fixed at 0). */
public record SgdConfig(
    double learningRate, double momentum, double weightDecay, boolean nesterov) {
  public SgdConfig {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learningRate must be finite and >= 0, got " + learningRate);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException(
          "weightDecay must be finite and >= 0, got " + weightDecay);
    }
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("nesterov needs momentum > 0, got momentum=0");
    }
  }

  /** Plain gradient descent. */
  public static SgdConfig of(double learningRate) {
    return new SgdConfig(learningRate, 0, 0, false);
  }

  /** Heavy-ball momentum μ. */
  public static SgdConfig withMomentum(double learningRate, double momentum) {
    return new SgdConfig(learningRate, momentum, 0, false);
  }
}
