package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/**
 * Maps a network's output [B, P] to a policy; the P outputs are laid out by {@link PolicyLayout},
 * with raw log-stds passed through the {@link LogStdBounds}.
 */
public final class PolicyHead {
  private final PolicyLayout layout;
  private final LogStdBounds bounds;
  private final TanhSquash squash;

  public PolicyHead(
      PolicyClass policyClass, int actionDim, int components, ActionBox box, LogStdBounds bounds) {
    if (actionDim < 1) {
      throw new IllegalArgumentException("PolicyHead: actionDim must be >= 1, got " + actionDim);
    }
    if (policyClass.mixture() ? components < 1 : components != 1) {
      throw new IllegalArgumentException(
          "PolicyHead: components must be >= 1 for a mixture and 1 otherwise, got " + components
              + " for " + policyClass.shortName());
    }
    if (policyClass.squashed() && (box == null || box.dim() != actionDim)) {
      throw new IllegalArgumentException(
          "PolicyHead: a squashed class needs an action box of dimension " + actionDim);
    }
    this.layout = new PolicyLayout(policyClass, components, actionDim);
    this.bounds = bounds;
    this.squash = policyClass.squashed() ? new TanhSquash(box) : null;
  }

  public PolicyClass policyClass() {
    return layout.policyClass();
  }

  public int components() {
    return layout.components();
  }

  public int actionDim() {
    return layout.dim();
  }

  /** The layout of the network outputs. */
  public PolicyLayout layout() {
    return layout;
  }

  /** Number of network outputs P this head reads. */
  public int outputSize() {
    return layout.count();
  }

  /** The policy for network outputs [B, P]. */
  public Policy apply(Tensor out) {
    if (out.rank() != 2 || out.size(1) != outputSize()) {
      throw new IllegalArgumentException(
          "PolicyHead(" + layout.policyClass().shortName() + "): need outputs [B, " + outputSize()
              + "], got " + java.util.Arrays.toString(out.shape()));
    }
    return layout.policyOfRows(out, bounds::apply, squash);
  }
}
