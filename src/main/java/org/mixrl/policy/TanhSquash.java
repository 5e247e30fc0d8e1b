package org.mixrl.policy;

import org.mixrl.tensor.SpecialOps;
import org.mixrl.tensor.Tensor;

/**
 * The transform a = c + h * tanh(u) onto an action box, with its log-det-Jacobian
 * sum_j [log h_j + log(1 - tanh(u_j)^2)], where log(1 - tanh(u)^2) = 2 (log 2 - u -
 * softplus(-2u)): the direct form is log(0) = -inf once |u| > ~19.
 */
public final class TanhSquash {
  private static final double LOG2 = Math.log(2);
  private final ActionBox box;
  private final Tensor centre;
  private final Tensor halfWidth;
  private final double logHalfWidthSum;

  public TanhSquash(ActionBox box) {
    this.box = box;
    this.centre = Tensor.vector(box.centre());
    this.halfWidth = Tensor.vector(box.halfWidth());
    this.logHalfWidthSum = box.logHalfWidthSum();
  }

  public ActionBox box() {
    return box;
  }

  /** c + h tanh(u) over the last axis. */
  public Tensor apply(Tensor u) {
    return u.tanh().mul(halfWidth).add(centre);
  }

  /** sum_j log |d a_j / d u_j| over the last axis (drops it). */
  public Tensor logAbsDetJacobian(Tensor u) {
    int last = u.rank() - 1;
    Tensor perDim = u.neg().sub(u.mul(-2).softplus()).add(LOG2).mul(2);
    return perDim.sum(last, false).add(logHalfWidthSum);
  }

  /**
   * u = atanh((a - c) / h). Actions on the box edge map to +-19.06 (the largest finite atanh
   * of a double below 1) rather than infinity.
   */
  public Tensor inverse(Tensor a) {
    double edge = Math.nextDown(1.0);
    return SpecialOps.atanh(a.sub(centre).div(halfWidth).clamp(-edge, edge));
  }
}
