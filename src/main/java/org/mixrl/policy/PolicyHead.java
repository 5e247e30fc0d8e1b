package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/**
 * Maps a network's output [B, P] to a policy. Layout of the P outputs: for a Gaussian, d means
 * then d raw log-stds; for a K-component mixture, K logits, then K*d means (component-major),
 * then K*d raw log-stds.
 */
public final class PolicyHead {
  private final PolicyClass policyClass;
  private final int actionDim;
  private final int components;
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
    this.policyClass = policyClass;
    this.actionDim = actionDim;
    this.components = components;
    this.bounds = bounds;
    this.squash = policyClass.squashed() ? new TanhSquash(box) : null;
  }

  public PolicyClass policyClass() {
    return policyClass;
  }

  public int components() {
    return components;
  }

  public int actionDim() {
    return actionDim;
  }

  /** Number of network outputs P this head reads. */
  public int outputSize() {
    return policyClass.mixture() ? components * (1 + 2 * actionDim) : 2 * actionDim;
  }

  /** The policy for network outputs [B, P]. */
  public Policy apply(Tensor out) {
    if (out.rank() != 2 || out.size(1) != outputSize()) {
      throw new IllegalArgumentException(
          "PolicyHead(" + policyClass.shortName() + "): need outputs [B, " + outputSize()
              + "], got " + java.util.Arrays.toString(out.shape()));
    }
    int b = out.size(0);
    int d = actionDim;
    if (!policyClass.mixture()) {
      Normal n = new Normal(out.narrow(1, 0, d), bounds.apply(out.narrow(1, d, d)));
      return policyClass.squashed() ? new SquashedNormal(n, squash) : n;
    }
    int k = components;
    Tensor logits = out.narrow(1, 0, k);
    Tensor means = out.narrow(1, k, k * d).reshape(b, k, d);
    Tensor logStds = bounds.apply(out.narrow(1, k + k * d, k * d)).reshape(b, k, d);
    GaussianMixture gm = new GaussianMixture(logits, means, logStds);
    return policyClass.squashed() ? new SquashedGaussianMixture(gm, squash) : gm;
  }
}
