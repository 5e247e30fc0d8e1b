package org.mixrl.estimator;

import java.util.Arrays;
import org.mixrl.tensor.Tensor;

/**
 * A differentiable critic Q(s, a) for the batch of states an estimator works on: actions
 * [B, N, d] (N actions per state) map to values [B, N]. In a bandit it is the reward.
 */
@FunctionalInterface
public interface ActionValue {
  /** Q for actions [B, N, d]; must return [B, N]. */
  Tensor evaluate(Tensor actions);

  /**
   * {@link #evaluate} with the contract checked: what estimators call, so a critic of the
   * wrong shape fails with a message naming [B, N] instead of a broadcasting error later.
   */
  default Tensor valuesOf(Tensor actions) {
    Tensor q = evaluate(actions);
    int[] a = actions.shape();
    int[] s = q.shape();
    if (a.length != 3 || s.length != 2 || s[0] != a[0] || s[1] != a[1]) {
      throw new IllegalArgumentException("ActionValue: a critic maps actions [B, N, d] to values"
          + " [B, N]; for actions " + Arrays.toString(a) + " it returned "
          + Arrays.toString(s) + (a.length == 3 ? ", expected [" + a[0] + ", " + a[1] + "]"
              : ""));
    }
    return q;
  }

  /**
   * Opt-in guard: {@code critic} with every value checked, failing at once with an
   * {@link ArithmeticException} that names the first NaN or infinite entry instead of letting it
   * turn every gradient into NaN.
   */
  static ActionValue failingOnNaN(ActionValue critic) {
    return actions -> {
      Tensor q = critic.evaluate(actions);
      double[] v = q.data();
      for (int i = 0; i < v.length; i++) {
        if (!Double.isFinite(v[i])) {
          int n = q.shape().length == 2 ? q.shape()[1] : 1;
          throw new ArithmeticException("ActionValue: critic value " + v[i] + " at [b=" + i / n
              + ", n=" + i % n + "] of " + Arrays.toString(q.shape()) + " (a non-finite Q)");
        }
      }
      return q;
    };
  }
}
