package org.mixrl.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.tensor.Tensor;
import org.mixrl.theory.ExactObjective;
import org.mixrl.theory.ExactObjective2D;

/**
 * One verification case: a one-state policy (class, K components, dimension d, parameters theta
 * in the {@link PolicyLayout}), a bump reward, the entropy scale alpha and the batch
 * size B of each gradient estimate. Its {@link #spec()} is one line that {@link #parse} reads
 * back, so a failing case is reproduced from text alone.
 */
public record VerifyCase(
    PolicyClass policyClass,
    int components,
    int dim,
    double[] theta,
    BumpsReward reward,
    double alpha,
    int batch) {

  public VerifyCase {
    if (policyClass == null || reward == null || theta == null) {
      throw new IllegalArgumentException("VerifyCase: policy class, theta and reward are required");
    }
    if (dim != 1 && dim != 2) {
      throw new IllegalArgumentException(
          "VerifyCase: dimension d must be 1 or 2 (the exact objectives' range), got " + dim);
    }
    if (!policyClass.mixture() && components != 1) {
      throw new IllegalArgumentException(
          "VerifyCase: " + policyClass.shortName() + " has exactly 1 component, got " + components);
    }
    if (components < 1 || components > 64) {
      throw new IllegalArgumentException(
          "VerifyCase: components K must be in 1..64, got " + components);
    }
    int n = StatelessPolicy.parameterCount(policyClass, components, dim);
    if (theta.length != n) {
      throw new IllegalArgumentException(
          "VerifyCase: " + policyClass.shortName() + " with K=" + components + ", d=" + dim
              + " needs " + n + " parameters, got " + theta.length);
    }
    for (double v : theta) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("VerifyCase: theta has a non-finite entry " + v);
      }
    }
    if (reward.dim() != dim) {
      throw new IllegalArgumentException(
          "VerifyCase: the reward is " + reward.dim() + "-D but the policy is " + dim + "-D");
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("VerifyCase: alpha must be finite and >= 0, got " + alpha);
    }
    if (batch < 2) {
      throw new IllegalArgumentException(
          "VerifyCase: batch must be >= 2 (batch baselines need two draws), got " + batch);
    }
    theta = theta.clone();
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }

  /** The policy for {@code states} identical states, differentiable in {@code thetaLeaf}. */
  public Policy policy(Tensor thetaLeaf, int states) {
    return StatelessPolicy.of(policyClass, components, dim, thetaLeaf, states);
  }

  /** The policy at this case's theta for a batch (no gradient), e.g. for {@code supports}. */
  public Policy policy() {
    return policy(Tensor.vector(theta), batch);
  }

  /** Names of theta's entries (logit[k], mean[k], log_std[k], with [k,j] in 2-D). */
  public String[] parameterNames() {
    return StatelessPolicy.parameterNames(policyClass, components, dim);
  }

  /**
   * Gauss-Hermite nodes per axis for the squashed classes in 2-D: their log-density has the
   * tanh correction, whose complex singularities at u = +-i pi/2 slow the rule's convergence.
   * At 64 nodes the kit's sgm K=2 d=2 case is off by 1.3e-6, at 180 by 1e-11 (against a 401^2
   * trapezoid grid, MultivariateUnbiasednessTest).
   */
  static final int SQUASHED_2D_NODES = 180;

  /**
   * The exact gradient of J(theta) = E[r(a)] - alpha E[log pi(a)] by quadrature: the composite
   * rule of {@link ExactObjective} in 1-D, tensor-product Gauss-Hermite ({@link
   * ExactObjective2D}; 180 nodes per axis for the squashed classes) in 2-D.
   */
  public double[] exactGradient() {
    if (dim == 1) {
      return new ExactObjective(reward, policyClass, components, alpha).gradient(theta);
    }
    int nodes = policyClass.squashed() ? SQUASHED_2D_NODES : ExactObjective2D.DEFAULT_NODES;
    return new ExactObjective2D(reward, policyClass, components, alpha, nodes).gradient(theta);
  }

  /**
   * The accuracy assumed of {@link #exactGradient()}, relative to 1 + |g|: 1e-8, and 1e-7 for
   * the squashed classes in 2-D, where Gauss-Hermite converges slowly when a sigma nears 1, as
   * candidates pulled toward theta = 0 have (there the 160- and 180-node rules differ by 2.3e-8).
   */
  double quadratureTolerance() {
    return dim == 2 && policyClass.squashed() ? 1e-7 : 1e-8;
  }

  /** The same case with other parameters, reward, dimension or batch (validated again). */
  VerifyCase with(int k, int d, double[] th, BumpsReward r, int b) {
    return new VerifyCase(policyClass, k, d, th, r, alpha, b);
  }

  /** One line that {@link #parse} reads back to an equal case. */
  public String spec() {
    StringBuilder sb = new StringBuilder();
    sb.append(policyClass.shortName()).append(" K=").append(components).append(" d=").append(dim)
        .append(" alpha=").append(alpha).append(" batch=").append(batch).append(" theta=");
    for (int i = 0; i < theta.length; i++) {
      sb.append(i > 0 ? "," : "").append(theta[i]);
    }
    return sb.append(" reward=").append(reward.spec()).toString();
  }

  /** A short label for tables: class, K, d and the reward. */
  public String label() {
    return policyClass.shortName() + (policyClass.mixture() ? " K=" + components : "") + " d="
        + dim;
  }

  /**
   * Reads {@link #spec()}'s form: {@code CLASS K=k d=d alpha=a batch=b theta=t1,t2,...
   * reward=bumps:...}, fields after the class in any order.
   */
  public static VerifyCase parse(String spec) {
    String form = "expected 'CLASS K=k d=d alpha=a batch=b theta=t1,t2,... reward=bumps:H@C/W,...'"
        + " with CLASS one of g, sg, gm, sgm";
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("case spec is empty; " + form);
    }
    String[] parts = spec.trim().split("\\s+");
    PolicyClass pc = PolicyClass.parse(parts[0]);
    Integer k = null;
    Integer d = null;
    Integer b = null;
    Double a = null;
    double[] th = null;
    BumpsReward r = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("case spec field '" + p + "' is not key=value; " + form);
      }
      String key = p.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1);
      try {
        switch (key) {
          case "k" -> k = Integer.parseInt(value);
          case "d" -> d = Integer.parseInt(value);
          case "batch" -> b = Integer.parseInt(value);
          case "alpha" -> a = Double.parseDouble(value);
          case "theta" -> th = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble)
              .toArray();
          case "reward" -> r = BumpsReward.parse(value);
          default -> throw new IllegalArgumentException(
              "case spec has an unknown field '" + key + "'; " + form);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "case spec field '" + p + "' is not a number (list); " + form, e);
      }
    }
    if (k == null || d == null || b == null || a == null || th == null || r == null) {
      throw new IllegalArgumentException("case spec '" + spec + "' misses a field; " + form);
    }
    return new VerifyCase(pc, k, d, th, r, a, b);
  }

  /**
   * Smaller cases to try when this one fails, simplest first: one component fewer (each in
   * turn, lightest first), one dimension fewer (coordinate 0 kept), half the batch, each
   * non-zero parameter set to 0, then all parameters halved (below 1e-3 set to 0).
   */
  public List<VerifyCase> smaller() {
    List<VerifyCase> out = new ArrayList<>();
    int k = components;
    if (policyClass.mixture() && k > 1) {
      Integer[] order = new Integer[k];
      for (int q = 0; q < k; q++) {
        order[q] = q;
      }
      Arrays.sort(order, (x, y) -> Double.compare(theta[x], theta[y]));
      for (int drop : order) {
        out.add(with(k - 1, dim, withoutComponent(drop), reward, batch));
      }
    }
    if (dim > 1) {
      out.add(with(k, 1, firstCoordinate(), firstCoordinate(reward), batch));
    }
    if (batch / 2 >= 2) {
      out.add(with(k, dim, theta, reward, batch / 2));
    }
    for (int i = 0; i < theta.length; i++) {
      if (theta[i] != 0) {
        double[] z = theta.clone();
        z[i] = 0;
        out.add(with(k, dim, z, reward, batch));
      }
    }
    boolean anyNonZero = false;
    double[] half = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      half[i] = Math.abs(theta[i]) < 1e-3 ? 0.0 : theta[i] / 2;
      anyNonZero |= theta[i] != 0;
    }
    if (anyNonZero) {
      out.add(with(k, dim, half, reward, batch));
    }
    return out;
  }

  /** theta without component {@code drop} (a mixture with K > 1): the others, in order. */
  private double[] withoutComponent(int drop) {
    PolicyLayout from = layout();
    PolicyLayout to = new PolicyLayout(policyClass, components - 1, dim);
    double[] out = new double[to.count()];
    int q = 0;
    for (int c = 0; c < components; c++) {
      if (c != drop) {
        copyComponent(from, c, to, q++, out);
      }
    }
    return out;
  }

  /** theta of the policy's first coordinate: every component's logit, mean[.,0], log-std[.,0]. */
  private double[] firstCoordinate() {
    PolicyLayout from = layout();
    PolicyLayout to = new PolicyLayout(policyClass, components, 1);
    double[] out = new double[to.count()];
    for (int c = 0; c < components; c++) {
      copyComponent(from, c, to, c, out);
    }
    return out;
  }

  /** Component {@code c} of theta (its logit, and mean and log-std in to's dimensions). */
  private void copyComponent(PolicyLayout from, int c, PolicyLayout to, int q, double[] out) {
    if (policyClass.mixture()) {
      out[to.logitIndex(q)] = theta[from.logitIndex(c)];
    }
    for (int j = 0; j < to.dim(); j++) {
      out[to.meanIndex(q, j)] = theta[from.meanIndex(c, j)];
      out[to.logStdIndex(q, j)] = theta[from.logStdIndex(c, j)];
    }
  }

  private PolicyLayout layout() {
    return new PolicyLayout(policyClass, components, dim);
  }

  private static BumpsReward firstCoordinate(BumpsReward r) {
    int n = r.bumps();
    double[] h = new double[n];
    double[][] c = new double[n][1];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = r.height(i);
      c[i][0] = r.centre(i)[0];
      w[i] = r.width(i);
    }
    return new BumpsReward(h, c, w);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifyCase c && spec().equals(c.spec());
  }

  @Override
  public int hashCode() {
    return spec().hashCode();
  }

  @Override
  public String toString() {
    return spec();
  }
}
