package org.mixrl.estimator;

import java.util.Locale;
import org.mixrl.tensor.Tensor;

/**
 * A control variate b for score-function terms log pi(a) * (f(a) - b). Any b that does not
 * depend on the draw a keeps the estimator unbiased (E[grad log pi] = 0).
 */
public interface Baseline {
  /** b for each draw, from the detached values f [B, M]; returns [B, M] or broadcastable. */
  Tensor of(Tensor f);

  /** Name for reports. */
  String name();

  /** b = 0. */
  static Baseline none() {
    return named("none", f -> Tensor.zeros(1, 1));
  }

  /**
   * b = mean of f over the whole batch, including the draw itself: this correlates b with the
   * draw and biases the gradient by a factor (1 - 1/(B M)); offered because common code uses
   * it, and measured in docs/estimators.md.
   */
  static Baseline batchMean() {
    return named("mean", f -> f.mean().reshape(1, 1));
  }

  /**
   * b for draw m of state s = mean of f over the other M - 1 draws of the same state:
   * independent of the draw, so unbiased. Needs M >= 2.
   */
  static Baseline leaveOneOut() {
    return named(
        "loo",
        f -> {
          int m = f.size(1);
          if (m < 2) {
            throw new IllegalArgumentException(
                "leave-one-out baseline needs >= 2 samples per state, got " + m);
          }
          return f.sum(1, true).sub(f).mul(1.0 / (m - 1));
        });
  }

  /**
   * b for each draw = mean of f over every other draw of the batch (all states): unbiased, and
   * usable with one sample per state when the states are alike (bandits).
   */
  static Baseline batchLeaveOneOut() {
    return named(
        "batch-loo",
        f -> {
          int n = f.numel();
          if (n < 2) {
            throw new IllegalArgumentException("batch leave-one-out needs >= 2 draws, got " + n);
          }
          return f.sum().reshape(1, 1).sub(f).mul(1.0 / (n - 1));
        });
  }

  /** b = V(s), a caller-supplied state value per state, [B]. */
  static Baseline stateValue(Tensor values) {
    return named("value", f -> values.detach().reshape(values.numel(), 1));
  }

  /** Parses none, mean, loo or batch-loo. */
  static Baseline parse(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "none":
        return none();
      case "mean":
        return batchMean();
      case "loo":
        return leaveOneOut();
      case "batch-loo":
        return batchLeaveOneOut();
      default:
        throw new IllegalArgumentException(
            "unknown baseline '" + name + "'; allowed: none, mean, loo, batch-loo");
    }
  }

  private static Baseline named(String name, java.util.function.Function<Tensor, Tensor> f) {
    return new Baseline() {
      @Override
      public Tensor of(Tensor values) {
        return f.apply(values);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
