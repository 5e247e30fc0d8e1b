package org.mixrl.theory;

import java.util.Arrays;
import java.util.function.Function;
import org.mixrl.autodiff.Hessian;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.tensor.Tensor;

/**
 * The exact entropy-regularised objective of a 2-D bandit policy,
 *
 * <pre>J_alpha(theta) = E_pi[r(a)] - alpha E_pi[log pi(a)],</pre>
 *
 * with E_pi[r] and the entropy -E_pi[log pi], by tensor-product Gauss-Hermite quadrature, as
 * differentiable functions of theta (the 2-D counterpart of {@link ExactObjective}).
 *
 * <p>Parameters: {@link PolicyLayout} with d = 2: theta = (mean[2], logStd[2]) for
 * G and SG; theta = (logits[K], means[K*2], logStds[K*2]) component-major for GM_K and SGM_K.
 * Components are diagonal; squashed classes act on the box [-1, 1]^2.
 *
 * <p>Rule: per component k, the n x n product of the probabilists' n-point {@link
 * GaussHermite} rule, mapped to the latent by u = mu_k + sigma_k * (x_i, x_j) (elementwise) and
 * weighted by w_k omega_i omega_j, so E_pi[h] ~= sum_k w_k sum_ij omega_i omega_j h(u_kij). At
 * every node log pi is the full mixture density of the action, {@link
 * Policy#logProbOfLatent} (tanh correction included for SG and SGM), and the reward is taken at
 * {@link Policy#toAction}. The nodes are standardised, so the rule does not depend on theta:
 * {@link #gradient} and {@link #hessian} differentiate one fixed function (no freezing needed)
 * and the gradient includes the nodes' motion with mu_k and sigma_k.
 *
 * <p>Nodes per axis: fixed (not adaptive, so the rule and hence J stay one smooth function of
 * theta), {@value #DEFAULT_NODES} by default, settable in 1..180. Cost: K n^2 nodes (4096 per
 * component at 64), each with a K-term logsumexp; a gradient of SGM_3 takes about 0.1 s. The
 * rule is exact for polynomials of degree up to 2n - 1 per axis, so G's entropy (quadratic in
 * the standardised latent) is exact at any n. A reward bump of width W is, under component k, a
 * Gaussian of width W / sigma_k in standardised units, which Gauss-Hermite resolves while that
 * exceeds the central node spacing (about pi / sqrt(n), 0.39 at n = 64): accuracy is governed
 * by sigma_k / W. Measured |error| of E[r] for G against the closed form (one 2-D bump,
 * W = 0.3, sigmas (s, 0.8 s)):
 *
 * <pre>
 * sigma/W:   1.7      2.5      3.3      5        6.7
 * n = 48     9e-13    4e-7     2e-5     2e-3     8e-3
 * n = 64     4e-16    2e-9     4e-6     3e-4     4e-3
 * n = 96     1e-16    6e-13    1e-8     2e-5     6e-4
 * n = 180    3e-17    1e-17    2e-14    7e-8     1e-5
 * </pre>
 *
 * So at the default, results are good to ~1e-9 while every sigma_k ≤ 2.5 x the narrowest
 * feature (reward width; for squashed classes also the tanh correction, scale ~1 in u); pass
 * n = 180 for sigma_k up to ~3.3-5 W. The tanh correction converges more slowly than the table
 * above suggests: the verification kit's SGM_2 case (sigma_k up to 0.82, a box bump) is off by
 * 1.3e-6 in the gradient at n = 64 and by 1e-11 at n = 180 against a 401^2 latent trapezoid grid,
 * and near sigma = 1 the 160- and 180-node rules still differ by 2.3e-8; so for squashed classes
 * use n = 180 where better than ~1e-6 is needed. Mixtures: the other components enter only through log pi,
 * which is smooth on component k's scale when the components' sigmas are comparable; a much
 * narrower component overlapping a wide one, or a bump far narrower than sigma_k, is not
 * resolved. The 1-D {@link ExactObjective} uses a composite rule for exactly that reason; a 2-D
 * composite rule would cost (8 x panels)^2 nodes. Agreement with an independent trapezoid grid
 * is recorded in docs/theory.md ("Exact objectives in 2-D").
 */
public final class ExactObjective2D extends ExactObjectiveBase {
  /** Gauss-Hermite nodes per axis unless told otherwise. */
  public static final int DEFAULT_NODES = 64;

  private static final int DIM = 2;
  private final int nodesPerAxis;
  private final Tensor eps; // [1, n^2, 2] standardised nodes
  private final Tensor omega; // [1, n^2] product weights, sum 1

  /** J_alpha for {@code policyClass} with {@code components} and the default rule. */
  public ExactObjective2D(Reward reward, PolicyClass policyClass, int components, double alpha) {
    this(reward, policyClass, components, alpha, DEFAULT_NODES);
  }

  /** J_alpha with an {@code nodesPerAxis} x {@code nodesPerAxis} rule per component. */
  public ExactObjective2D(
      Reward reward, PolicyClass policyClass, int components, double alpha, int nodesPerAxis) {
    super("ExactObjective2D", DIM, reward, policyClass, components, alpha);
    if (nodesPerAxis < 1 || nodesPerAxis > 180) {
      throw new IllegalArgumentException(
          "ExactObjective2D: nodesPerAxis must be in 1..180, got " + nodesPerAxis);
    }
    this.nodesPerAxis = nodesPerAxis;
    GaussHermite gh = GaussHermite.of(nodesPerAxis);
    int n = nodesPerAxis;
    double[] x = new double[n * n * DIM];
    double[] w = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int p = i * n + j;
        x[DIM * p] = gh.node(i);
        x[DIM * p + 1] = gh.node(j);
        w[p] = gh.weight(i) * gh.weight(j);
      }
    }
    this.eps = Tensor.of(x, 1, n * n, DIM);
    this.omega = Tensor.of(w, 1, n * n);
  }

  public int nodesPerAxis() {
    return nodesPerAxis;
  }

  /** A copy with another alpha (same rule). */
  @Override
  public ExactObjective2D withAlpha(double newAlpha) {
    return new ExactObjective2D(reward, policyClass, components, newAlpha, nodesPerAxis);
  }

  /** The layout's names of theta's entries. */
  public String[] parameterNames() {
    return layout.names();
  }

  /**
   * theta from its parts: {@code means[k]} and {@code logStds[k]} of length 2 per component
   * ({@code logits} ignored, may be null, for G and SG).
   */
  public double[] pack(double[] logits, double[][] means, double[][] logStds) {
    return layout.pack(logits, means, logStds);
  }

  /** J_alpha(theta), a 0-d tensor differentiable in theta. */
  @Override
  public Tensor objective(Tensor theta) {
    Tensor[] t = terms(theta);
    return t[0].sub(t[1].mul(alpha));
  }

  /** E_pi[r(a)]. */
  public Tensor expectedReward(Tensor theta) {
    return terms(theta)[0];
  }

  /** The entropy -E_pi[log pi(a)] (of the action, including the tanh correction). */
  public Tensor entropy(Tensor theta) {
    return terms(theta)[1].neg();
  }

  /** J as a function of theta (the rule does not depend on theta). */
  public Function<Tensor, Tensor> objectiveFunction() {
    return this::objective;
  }

  /** Exact gradient of the quadrature J at theta (reverse mode). */
  public double[] gradient(double[] theta) {
    return Hessian.gradient(this::objective, theta);
  }

  /** Hessian of J at theta (central differences of the exact gradient). */
  public double[][] hessian(double[] theta) {
    return Hessian.of(this::objective, theta);
  }

  /** {E[r], E[log pi]}. */
  private Tensor[] terms(Tensor theta) {
    checkTheta(theta);
    int k = components;
    int m = nodesPerAxis * nodesPerAxis;
    Policy pi = layout.policy(theta, 1);
    Tensor means = layout.means(theta).reshape(k, 1, DIM);
    Tensor logStds = layout.logStds(theta).reshape(k, 1, DIM);
    Tensor u = means.add(logStds.exp().mul(eps)).reshape(1, k * m, DIM); // every component's
    Tensor logPi = pi.logProbOfLatent(u).reshape(k, m);
    Tensor r = reward.evaluate(pi.toAction(u).reshape(k * m, DIM)).reshape(k, m);
    Tensor mass = omega; // [1, m] for one component
    if (policyClass.mixture()) {
      Tensor w = layout.logits(theta).reshape(1, k).softmax(1).reshape(k, 1);
      mass = w.mul(omega); // [K, m]
    }
    return new Tensor[] {mass.mul(r).sum(), mass.mul(logPi).sum()};
  }

  @Override
  public String toString() {
    return policyClass.shortName() + (policyClass.mixture() ? "_" + components : "")
        + " alpha=" + alpha + " on " + reward + " (2-D, " + nodesPerAxis + "^2 nodes/component)";
  }
}
