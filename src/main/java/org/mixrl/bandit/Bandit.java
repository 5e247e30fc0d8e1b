package org.mixrl.bandit;

import org.mixrl.random.RandomStream;

/**
 * A one-state continuous-action bandit: pulling action a pays r(a) plus optional Gaussian
 * noise N(0, noiseStd^2). The action set is R^d or the box [low, high]; actions outside the
 * box are rejected, not clipped, so a policy bug is not silently hidden.
 */
public final class Bandit {
  private final Reward reward;
  private final double noiseStd;
  private final double[] low;
  private final double[] high;

  /** Actions in R^d. */
  public Bandit(Reward reward, double noiseStd) {
    this(reward, noiseStd, null, null);
  }

  /** Actions in the box [low, high] (both null for R^d). */
  public Bandit(Reward reward, double noiseStd, double[] low, double[] high) {
    if (reward == null) {
      throw new IllegalArgumentException("Bandit: reward must not be null");
    }
    if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
      throw new IllegalArgumentException(
          "Bandit: noiseStd must be finite and >= 0, got " + noiseStd);
    }
    if ((low == null) != (high == null)) {
      throw new IllegalArgumentException("Bandit: give both low and high, or neither");
    }
    if (low != null) {
      int d = reward.dim();
      if (low.length != d || high.length != d) {
        throw new IllegalArgumentException(
            "Bandit: low and high must have length " + d + ", got " + low.length + " and "
                + high.length);
      }
      for (int j = 0; j < d; j++) {
        if (!(low[j] < high[j]) || !Double.isFinite(low[j]) || !Double.isFinite(high[j])) {
          throw new IllegalArgumentException(
              "Bandit: need finite low[" + j + "] < high[" + j + "], got " + low[j] + ", "
                  + high[j]);
        }
      }
    }
    this.reward = reward;
    this.noiseStd = noiseStd;
    this.low = low == null ? null : low.clone();
    this.high = high == null ? null : high.clone();
  }

  /** The box [-1, 1]^d (the range of squashed policies). */
  public static Bandit unitBox(Reward reward, double noiseStd) {
    double[] lo = new double[reward.dim()];
    double[] hi = new double[reward.dim()];
    java.util.Arrays.fill(lo, -1.0);
    java.util.Arrays.fill(hi, 1.0);
    return new Bandit(reward, noiseStd, lo, hi);
  }

  /** A noisy reward for {@code action}; {@code rng} may be null only when noiseStd = 0. */
  public double reward(double[] action, RandomStream rng) {
    Actions.checkLength("Bandit.reward", action, reward.dim());
    for (int j = 0; j < action.length; j++) {
      if (!Double.isFinite(action[j])) {
        throw new IllegalArgumentException(
            "Bandit.reward: action[" + j + "] must be finite, got " + action[j]);
      }
      if (low != null && (action[j] < low[j] || action[j] > high[j])) {
        throw new IllegalArgumentException(
            "Bandit.reward: action[" + j + "] = " + action[j] + " is outside [" + low[j] + ", "
                + high[j] + "]");
      }
    }
    double r = reward.value(action);
    if (noiseStd > 0) {
      if (rng == null) {
        throw new IllegalArgumentException(
            "Bandit.reward: a random stream is required when noiseStd > 0");
      }
      r += noiseStd * rng.nextGaussian();
    }
    return r;
  }

  /** The noiseless reward function. */
  public Reward rewardFunction() {
    return reward;
  }

  public int dim() {
    return reward.dim();
  }

  public double noiseStd() {
    return noiseStd;
  }

  public boolean bounded() {
    return low != null;
  }

  /** Copy of the lower corner of the box, or null for R^d. */
  public double[] low() {
    return low == null ? null : low.clone();
  }

  /** Copy of the upper corner of the box, or null for R^d. */
  public double[] high() {
    return high == null ? null : high.clone();
  }
}
