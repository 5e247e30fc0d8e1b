package org.mixrl.theory;

import java.util.Arrays;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.tensor.Tensor;

/**
 * What the exact objectives of a bandit policy, {@link ExactObjective} (1-D) and
 * {@link ExactObjective2D}, share: the reward, class, K and alpha with their checks, the
 * parameter layout, the check of theta, and J's value. Each subclass supplies its quadrature.
 */
public abstract sealed class ExactObjectiveBase permits ExactObjective, ExactObjective2D {
  protected final Reward reward;
  protected final PolicyClass policyClass;
  protected final int components;
  protected final double alpha;
  protected final PolicyLayout layout;
  private final String who;

  /** Checks the arguments, naming {@code who} in every message. */
  ExactObjectiveBase(String who, int dim, Reward reward, PolicyClass policyClass,
      int components, double alpha) {
    if (reward.dim() != dim) {
      throw new IllegalArgumentException(
          who + ": the reward must be " + dim + "-D, got dim " + reward.dim());
    }
    if (!policyClass.mixture() && components != 1) {
      throw new IllegalArgumentException(
          who + ": " + policyClass + " has exactly 1 component, got " + components);
    }
    if (components < 1 || components > 64) {
      throw new IllegalArgumentException(
          who + ": components must be in 1..64, got " + components);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException(
          who + ": alpha must be finite and >= 0, got " + alpha);
    }
    this.who = who;
    this.reward = reward;
    this.policyClass = policyClass;
    this.components = components;
    this.alpha = alpha;
    this.layout = new PolicyLayout(policyClass, components, dim);
  }

  public Reward reward() {
    return reward;
  }

  public PolicyClass policyClass() {
    return policyClass;
  }

  public int components() {
    return components;
  }

  public double alpha() {
    return alpha;
  }

  /** A copy with another alpha (same rule). */
  public abstract ExactObjectiveBase withAlpha(double newAlpha);

  /** Where each entry of theta sits. */
  public PolicyLayout parameterLayout() {
    return layout;
  }

  /** The layout's count: (1 + 2d) K for mixtures, 2d for G and SG. */
  public int parameterCount() {
    return layout.count();
  }

  /** The layout in words, e.g. "logits[K], means[K], logStds[K]" or "mean, logStd". */
  public String layout() {
    return layout.describe();
  }

  /** J_alpha(theta), a 0-d tensor differentiable in theta. */
  public abstract Tensor objective(Tensor theta);

  public double value(double[] theta) {
    return objective(Tensor.vector(theta)).item();
  }

  /** Throws naming the class unless theta is a finite vector of {@link #parameterCount()}. */
  void checkTheta(Tensor theta) {
    if (theta.rank() != 1 || theta.numel() != parameterCount()) {
      throw new IllegalArgumentException(
          who + ": theta must be a vector of " + parameterCount() + " parameters ("
              + layout() + "), got shape " + Arrays.toString(theta.shape()));
    }
    for (double v : theta.data()) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(who + ": theta has a non-finite entry " + v);
      }
    }
  }
}
