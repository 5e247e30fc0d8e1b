package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/** A diagonal Gaussian over u pushed through a = c + h tanh(u) onto an action box. */
public final class SquashedNormal extends Squashed<Normal> implements Reparameterizable {
  public SquashedNormal(Normal base, TanhSquash squash) {
    super(base, squash);
  }

  public Normal base() {
    return base;
  }

  @Override
  public Tensor rsampleLatent(Tensor eps) {
    return base.rsampleLatent(eps);
  }

  /** c + h tanh(mean). */
  @Override
  public Tensor mode() {
    return squash().apply(base.mean());
  }
}
