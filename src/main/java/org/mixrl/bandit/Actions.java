package org.mixrl.bandit;

import java.util.Arrays;
import org.mixrl.tensor.Tensor;

/** Shape checks shared by the rewards. */
final class Actions {
  private Actions() {}

  /** {@code actions} as [N, d]; a rank-1 [N] tensor is accepted when d = 1. */
  static Tensor asMatrix(String who, Tensor actions, int dim) {
    int[] s = actions.shape();
    if (s.length == 1 && dim == 1) {
      return actions.reshape(s[0], 1);
    }
    if (s.length != 2 || s[1] != dim) {
      throw new IllegalArgumentException(
          who + ": actions must have shape [N, " + dim + "]" + (dim == 1 ? " or [N]" : "")
              + ", got " + Arrays.toString(s));
    }
    return actions;
  }

  static void checkLength(String who, double[] a, int dim) {
    if (a == null || a.length != dim) {
      throw new IllegalArgumentException(
          who + ": action must have length " + dim + ", got "
              + (a == null ? "null" : Integer.toString(a.length)));
    }
  }
}
