package org.mixrl.verify;

import org.mixrl.bandit.RewardCritic;
import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.Surrogate;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * Everything one batch of an estimator shows: the surrogate's value, its entropy estimate, its
 * gradient, and its critic cost three ways (declared by the estimator, reported by the
 * surrogate, counted at the critic).
 *
 * @param objective the surrogate's value
 * @param entropy the entropy estimate per state
 * @param gradient the surrogate's gradient at theta
 * @param declaredPerState {@link Estimator#criticEvaluationsPerState(int)}
 * @param reportedPerState {@link Surrogate#criticEvaluationsPerState()}
 * @param countedPerState actions the critic saw, divided by the batch size
 * @param batchShapeOk whether every critic call had the batch size as its first axis
 */
public record SurrogateProbe(
    double objective,
    double[] entropy,
    double[] gradient,
    int declaredPerState,
    int reportedPerState,
    double countedPerState,
    boolean batchShapeOk) {

  /** Runs one batch of {@code estimator} on {@code c} with draws from {@code rng}. */
  public static SurrogateProbe run(Estimator estimator, VerifyCase c, RandomStream rng) {
    ActionValue reward = RewardCritic.of(c.reward());
    long[] actions = new long[1];
    boolean[] shapeOk = {true};
    ActionValue counting = a -> {
      int[] s = a.shape();
      shapeOk[0] &= s.length == 3 && s[0] == c.batch();
      actions[0] += s.length == 3 ? (long) s[0] * s[1] : a.numel();
      return reward.evaluate(a);
    };
    Tensor leaf = Tensor.vector(c.theta()).requiresGrad(true);
    Surrogate s = estimator.surrogate(c.policy(leaf, c.batch()), counting, c.alpha(), rng);
    s.objective().backward();
    double[] g = leaf.grad() == null ? new double[c.theta().length] : leaf.grad().toArray();
    return new SurrogateProbe(s.objective().item(), s.entropy().toArray(), g,
        estimator.criticEvaluationsPerState(c.components()), s.criticEvaluationsPerState(),
        actions[0] / (double) c.batch(), shapeOk[0]);
  }

  /** Whether objective, entropy and gradient are all finite. */
  public boolean finite() {
    if (!Double.isFinite(objective)) {
      return false;
    }
    for (double v : entropy) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    for (double v : gradient) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the three cost figures agree and every call was batch-shaped. */
  public boolean costConsistent() {
    return batchShapeOk && declaredPerState == reportedPerState
        && countedPerState == declaredPerState;
  }
}
