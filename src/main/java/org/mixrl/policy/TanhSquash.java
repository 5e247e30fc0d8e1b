package org.mixrl.policy;

import org.mixrl.tensor.SpecialOps;
import org.mixrl.tensor.SquashOps;
import org.mixrl.tensor.Tensor;

/**
 * The transform a = c + h * tanh(u) onto an action box, with its log-det-Jacobian
 * sum_j [log h_j + log(1 - tanh(u_j)^2)], where log(1 - tanh(u)^2) = 2 (log 2 - u -
 * softplus(-2u)): the direct form is log(0) = -inf once |u| > ~19.
 */
public final class TanhSquash {
  private final ActionBox box;
  private final Tensor centre;
  private final Tensor halfWidth;
  private final double[] centreValues;
  private final double[] halfWidthValues;
  private final double logHalfWidthSum;

  public TanhSquash(ActionBox box) {
    this.box = box;
    this.centre = Tensor.vector(box.centre());
    this.halfWidth = Tensor.vector(box.halfWidth());
    this.centreValues = box.centre();
    this.halfWidthValues = box.halfWidth();
    this.logHalfWidthSum = box.logHalfWidthSum();
  }

  public ActionBox box() {
    return box;
  }

  /** c + h tanh(u) over the last axis. */
  public Tensor apply(Tensor u) {
    // one fused node, the same values as u.tanh().mul(halfWidth).add(centre)
    return SquashOps.tanhToBox(u, centreValues, halfWidthValues);
  }

  /** sum_j log |d a_j / d u_j| over the last axis (drops it). */
  public Tensor logAbsDetJacobian(Tensor u) {
    // one fused node, the same values as
    // u.neg().sub(u.mul(-2).softplus()).add(LOG2).mul(2).sum(last, false).add(logHalfWidthSum)
    return SquashOps.tanhLogAbsDetJacobian(u, logHalfWidthSum);
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
