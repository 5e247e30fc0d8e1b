package org.mixrl.policy;

import org.mixrl.tensor.Tensor;

/**
 * A policy with one set of parameters shared by every state of a batch (a bandit has one
 * state), built from a flat parameter vector theta:
 *
 * <ul>
 *   <li>G, SG: theta = (mean[d], logStd[d]);
 *   <li>GM_K, SGM_K: theta = (logits[K], means[K*d] component-major, logStds[K*d]).
 * </ul>
 *
 * Squashed classes act on the box [-1, 1]^d. The gradient of anything built from the policy
 * flows back to theta, averaged over the batch by the caller's mean.
 */
public final class StatelessPolicy {
  private StatelessPolicy() {}

  /** Length of theta for a class, K components and dimension d. */
  public static int parameterCount(PolicyClass c, int components, int dim) {
    return c.mixture() ? components * (1 + 2 * dim) : 2 * dim;
  }

  /** Names of theta's entries: logit[k], mean[k], log_std[k] (with [k,j] when d > 1). */
  public static String[] parameterNames(PolicyClass c, int components, int dim) {
    String[] names = new String[parameterCount(c, components, dim)];
    int i = 0;
    int k = c.mixture() ? components : 1;
    if (c.mixture()) {
      for (int q = 0; q < k; q++) {
        names[i++] = "logit[" + q + "]";
      }
    }
    for (String kind : new String[] {"mean", "log_std"}) {
      for (int q = 0; q < k; q++) {
        for (int j = 0; j < dim; j++) {
          names[i++] = kind + "[" + q + (dim > 1 ? "," + j : "") + "]";
        }
      }
    }
    return names;
  }

  /** The policy for {@code batch} identical states with parameters theta (1-D tensor). */
  public static Policy of(PolicyClass c, int components, int dim, Tensor theta, int batch) {
    int n = parameterCount(c, components, dim);
    if (theta.rank() != 1 || theta.numel() != n) {
      throw new IllegalArgumentException(
          "StatelessPolicy: " + c.shortName() + " with K=" + components + ", d=" + dim
              + " needs theta of length " + n + ", got shape "
              + java.util.Arrays.toString(theta.shape()));
    }
    if (batch < 1) {
      throw new IllegalArgumentException("StatelessPolicy: batch must be >= 1, got " + batch);
    }
    TanhSquash squash = c.squashed() ? new TanhSquash(ActionBox.unit(dim)) : null;
    if (!c.mixture()) {
      Tensor mean = theta.narrow(0, 0, dim).reshape(1, dim).expand(batch, dim);
      Tensor logStd = theta.narrow(0, dim, dim).reshape(1, dim).expand(batch, dim);
      Normal normal = new Normal(mean, logStd);
      return c.squashed() ? new SquashedNormal(normal, squash) : normal;
    }
    int k = components;
    Tensor logits = theta.narrow(0, 0, k).reshape(1, k).expand(batch, k);
    Tensor means = theta.narrow(0, k, k * dim).reshape(1, k, dim).expand(batch, k, dim);
    Tensor logStds = theta.narrow(0, k + k * dim, k * dim).reshape(1, k, dim).expand(batch, k, dim);
    GaussianMixture gm = new GaussianMixture(logits, means, logStds);
    return c.squashed() ? new SquashedGaussianMixture(gm, squash) : gm;
  }
}
