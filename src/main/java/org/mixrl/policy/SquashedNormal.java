package org.mixrl.policy;

import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/** A diagonal Gaussian over u pushed through a = c + h tanh(u) onto an action box. */
public final class SquashedNormal implements Reparameterizable {
  private final Normal base;
  private final TanhSquash squash;

  public SquashedNormal(Normal base, TanhSquash squash) {
    if (squash.box().dim() != base.actionDim()) {
      throw new IllegalArgumentException(
          "SquashedNormal: box has dimension " + squash.box().dim() + ", policy has "
              + base.actionDim());
    }
    this.base = base;
    this.squash = squash;
  }

  public Normal base() {
    return base;
  }

  public TanhSquash squash() {
    return squash;
  }

  @Override
  public int batchSize() {
    return base.batchSize();
  }

  @Override
  public int actionDim() {
    return base.actionDim();
  }

  @Override
  public Tensor rsampleLatent(Tensor eps) {
    return base.rsampleLatent(eps);
  }

  @Override
  public Tensor sampleLatent(RandomStream rng, int m) {
    return base.sampleLatent(rng, m);
  }

  @Override
  public Tensor toAction(Tensor latents) {
    return squash.apply(latents);
  }

  /** log q(u) - log|da/du| with u = atanh((a - c)/h). */
  @Override
  public Tensor logProb(Tensor actions) {
    checkActions("SquashedNormal.logProb", actions);
    return logProbOfLatent(squash.inverse(actions));
  }

  @Override
  public Tensor logProbOfLatent(Tensor u) {
    return base.logProb(u).sub(squash.logAbsDetJacobian(u));
  }

  /** c + h tanh(mean). */
  @Override
  public Tensor mode() {
    return squash.apply(base.mean());
  }
}
