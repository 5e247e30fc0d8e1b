package org.mixrl.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mixrl.autodiff.Hessian;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.policy.TanhSquash;
import org.mixrl.tensor.Tensor;

/**
 * The exact entropy-regularised objective of a 1-D bandit policy,
 *
 * <pre>J_alpha(theta) = E_pi[r(a)] - alpha E_pi[log pi(a)],</pre>
 *
 * by quadrature, as a differentiable function of theta (so the same autodiff engine gives the
 * exact gradient and, by {@link Hessian}, the Hessian).
 *
 * <p>Parameters: {@link PolicyLayout} with d = 1: theta = (mean, logStd) for G and SG; theta =
 * (logits[K], means[K], logStds[K]) for GM_K and SGM_K. Squashed classes act on the box [-1, 1]: a = tanh(u), the reward is
 * r(tanh(u)) and log pi(a) = log q(u) - log(1 - tanh(u)^2), with the correction in the stable
 * softplus form of {@link TanhSquash}.
 *
 * <p>Integration is over the latent u with a {@link LineRule} built at theta's values: a window
 * of +-8.5 sigma_k (scale sigma_k) per component, the reward's focus range at its feature scale
 * and, for squashed classes, [-6, 6] at scale 0.5 for the tanh correction. The node placement
 * depends on theta but not differentiably: gradients are those of the fixed rule, which equal
 * the true gradients to quadrature accuracy.
 */
public final class ExactObjective extends ExactObjectiveBase {
  private static final int MAX_PANELS = 4000;
  private final TanhSquash squash;

  /** J_alpha for {@code policyClass} with {@code components} (must be 1 for G and SG). */
  public ExactObjective(Reward reward, PolicyClass policyClass, int components, double alpha) {
    super("ExactObjective", 1, reward, policyClass, components, alpha);
    this.squash = policyClass.squashed() ? new TanhSquash(ActionBox.unit(1)) : null;
  }

  /** A copy with another alpha. */
  @Override
  public ExactObjective withAlpha(double newAlpha) {
    return new ExactObjective(reward, policyClass, components, newAlpha);
  }

  /** K for mixtures, 0 for G and SG. */
  public int logitCount() {
    return layout.logitCount();
  }

  public int meanIndex(int k) {
    return layout.meanIndex(k, 0);
  }

  public int logStdIndex(int k) {
    return layout.logStdIndex(k, 0);
  }

  /** theta from its parts ({@code logits} ignored, may be null, for G and SG). */
  public double[] pack(double[] logits, double[] means, double[] logStds) {
    return layout.pack(logits, means, logStds);
  }

  /** J_alpha(theta), a 0-d tensor differentiable in theta. */
  @Override
  public Tensor objective(Tensor theta) {
    return objective(theta, ruleAt(theta.toArray()));
  }

  /** E_pi[r(a)]. */
  public Tensor expectedReward(Tensor theta) {
    return terms(theta, ruleAt(theta.toArray()))[0];
  }

  /** The entropy -E_pi[log pi(a)] (of the action, including the tanh correction). */
  public Tensor entropy(Tensor theta) {
    return terms(theta, ruleAt(theta.toArray()))[1].neg();
  }

  /** J as a function with its quadrature rule frozen at {@code theta} (for Hessians). */
  public Function<Tensor, Tensor> objectiveWithRuleAt(double[] theta) {
    LineRule rule = ruleAt(theta);
    return t -> objective(t, rule);
  }

  /** Exact gradient of J at theta. */
  public double[] gradient(double[] theta) {
    return Hessian.gradient(objectiveWithRuleAt(theta), theta);
  }

  /** Hessian of J at theta (central differences of the exact gradient, rule frozen). */
  public double[][] hessian(double[] theta) {
    return Hessian.of(objectiveWithRuleAt(theta), theta);
  }

  private Tensor objective(Tensor theta, LineRule rule) {
    Tensor[] t = terms(theta, rule);
    return t[0].sub(t[1].mul(alpha));
  }

  /** {E[r], E[log pi]} under the fixed rule. */
  private Tensor[] terms(Tensor theta, LineRule rule) {
    checkTheta(theta);
    Policy q = layout.latent(theta, 1); // the squash is applied below, on the nodes
    int n = rule.size();
    Tensor u = Tensor.of(rule.nodes(), 1, n, 1); // [1, n, 1] latents
    Tensor w = Tensor.vector(rule.weights()); // [n]
    Tensor logQ = q.logProb(u).reshape(n); // [n]
    Tensor mass = logQ.exp().mul(w); // q(u_i) w_i: the quadrature weights of E_q
    Tensor logPi = logQ;
    Tensor a = u;
    if (squash != null) {
      logPi = logQ.sub(squash.logAbsDetJacobian(u).reshape(n));
      a = squash.apply(u);
    }
    Tensor r = reward.evaluate(a.reshape(n, 1)); // [n]
    return new Tensor[] {mass.mul(r).sum(), mass.mul(logPi).sum()};
  }

  /** The quadrature rule for the policy at theta (see the class comment). */
  LineRule ruleAt(double[] theta) {
    checkTheta(Tensor.vector(theta));
    List<LineRule.Window> windows = new ArrayList<>();
    for (int k = 0; k < components; k++) {
      double sigma = Math.exp(theta[logStdIndex(k)]);
      windows.add(LineRule.Window.around(theta[meanIndex(k)], sigma, 8.5));
    }
    double[] focus = reward.focusRange();
    double lo = focus[0];
    double hi = focus[1];
    if (squash != null) {
      // Past |a| = 1 - 1e-6 (|u| > 7.25) r(tanh u) varies on scales >> W: the component
      // windows resolve it.
      double edge = 1 - 1e-6;
      lo = atanh(Math.max(-edge, Math.min(edge, lo)));
      hi = atanh(Math.max(-edge, Math.min(edge, hi)));
      windows.add(new LineRule.Window(-6, 6, 0.5));
    }
    if (hi > lo) {
      windows.add(new LineRule.Window(lo, hi, reward.featureScale()));
    }
    return LineRule.covering(windows, MAX_PANELS);
  }

  private static double atanh(double x) {
    return 0.5 * Math.log1p(2 * x / (1 - x));
  }

  @Override
  public String toString() {
    return policyClass.shortName() + (policyClass.mixture() ? "_" + components : "") + " alpha="
        + alpha + " on " + reward;
  }
}
