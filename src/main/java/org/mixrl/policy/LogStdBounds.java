package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/**
 * How a network's raw log-std output is kept in [min, max]: CLAMP (Stable-Baselines3: clamp to
 * [-20, 2]) or TANH (CleanRL: min + (max - min)(tanh(z) + 1)/2, smooth, range (-5, 2)).
 */
public record LogStdBounds(double min, double max, Mode mode) {
  /** The two conventions in common SAC code. */
  public enum Mode {
    CLAMP,
    TANH
  }

  public LogStdBounds {
    if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "LogStdBounds: need finite min < max, got min=" + min + " max=" + max);
    }
    if (mode == null) {
      throw new IllegalArgumentException("LogStdBounds: mode must be CLAMP or TANH, got null");
    }
  }

  /** SB3's clamp to [-20, 2]. */
  public static LogStdBounds clamp() {
    return new LogStdBounds(-20, 2, Mode.CLAMP);
  }

  /** CleanRL's tanh rescaling to (-5, 2). */
  public static LogStdBounds tanh() {
    return new LogStdBounds(-5, 2, Mode.TANH);
  }

  /** Applies the bound to raw outputs. */
  public Tensor apply(Tensor raw) {
    if (mode == Mode.CLAMP) {
      return raw.clamp(min, max);
    }
    return raw.tanh().add(1).mul(0.5 * (max - min)).add(min);
  }
}
