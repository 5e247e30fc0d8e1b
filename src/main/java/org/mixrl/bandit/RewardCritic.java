package org.mixrl.bandit;

import org.mixrl.estimator.ActionValue;
import org.mixrl.tensor.Tensor;

/** A bandit's known reward used as the critic of the estimators: Q(s, a) = r(a). */
public final class RewardCritic {
  private RewardCritic() {}

  /** Actions [B, N, d] to rewards [B, N], differentiable in the actions. */
  public static ActionValue of(Reward reward) {
    return actions -> {
      int[] s = actions.shape();
      if (s.length != 3 || s[2] != reward.dim()) {
        throw new IllegalArgumentException(
            "reward critic: actions must be [B, N, d=" + reward.dim() + "], got "
                + java.util.Arrays.toString(s));
      }
      Tensor flat = actions.reshape(s[0] * s[1], s[2]);
      return reward.evaluate(flat).reshape(s[0], s[1]);
    };
  }
}
