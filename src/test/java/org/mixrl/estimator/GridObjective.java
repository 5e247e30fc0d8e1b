package org.mixrl.estimator;

import java.util.function.Function;
import org.mixrl.policy.Policy;
import org.mixrl.tensor.Tensor;

/**
 * Exact J(theta) = E[r(a)] - alpha E[log pi(a)] for a 1-D policy with one state, by the
 * trapezoid rule on a fine grid in the latent u (independent of the Gauss-Hermite code), with
 * the gradient by autodiff through the grid sum.
 */
final class GridObjective {
  private GridObjective() {}

  /** J for a one-state 1-D policy on the unit box if squashed; returns J (a scalar tensor). */
  static Tensor objective(Policy pi, boolean squashed, ActionValue reward, double alpha,
      double lo, double hi, int points) {
    Tensor u = Tensor.linspace(lo, hi, points).reshape(1, points, 1);
    Tensor logq = pi.logProbOfLatent(u); // log pi(a(u)) ; density of u is pi(a) |da/du|
    Tensor a = pi.toAction(u);
    // q(u) = pi(a) |da/du|; on the unit box log|da/du| = 2 (log 2 - u - softplus(-2u))
    Tensor logJac = squashed
        ? u.neg().sub(u.mul(-2).softplus()).add(Math.log(2)).mul(2).reshape(1, points)
        : Tensor.zeros(1, points);
    Tensor density = logq.add(logJac).exp();
    Tensor f = reward.evaluate(a).sub(logq.mul(alpha));
    Tensor integrand = density.mul(f).reshape(points);
    double h = (hi - lo) / (points - 1);
    // trapezoid: h * (sum - (first + last) / 2)
    Tensor ends = integrand.narrow(0, 0, 1).add(integrand.narrow(0, points - 1, 1)).mul(0.5);
    return integrand.sum().sub(ends.sum()).mul(h);
  }

  static double[] gradient(Function<Tensor[], Policy> build, boolean squashed, Tensor[] params,
      ActionValue reward, double alpha, double lo, double hi, int points) {
    Tensor[] leaves = new Tensor[params.length];
    for (int i = 0; i < params.length; i++) {
      leaves[i] = Tensor.of(params[i].toArray(), params[i].shape()).requiresGrad(true);
    }
    objective(build.apply(leaves), squashed, reward, alpha, lo, hi, points).backward();
    int n = 0;
    for (Tensor t : leaves) {
      n += t.numel();
    }
    double[] g = new double[n];
    int off = 0;
    for (Tensor t : leaves) {
      double[] gi = t.grad() == null ? new double[t.numel()] : t.grad().toArray();
      System.arraycopy(gi, 0, g, off, gi.length);
      off += gi.length;
    }
    return g;
  }
}
