package org.mixrl.deploy;

import java.util.List;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.random.RandomStream;

/**
 * One thread's workspace for a {@link DeployedPolicy}: buffers for the network's activations
 * and the mixture weights, allocated once here, so that {@link #act} and {@link #sample}
 * allocate nothing. Not thread-safe: give each thread its own session (sessions are small:
 * two arrays of the widest layer's width).
 *
 * <p>Both methods reproduce the training agent's actions bit for bit ({@code Sac.actDeterministic}
 * and {@code Sac.act}): the same operations in the same order.
 */
public final class PolicySession {
  private final DeployedPolicy policy;
  private final DenseLayer[] layers;
  private final double[] bufA;
  private final double[] bufB;
  private final double[] weights; // [K] mixture weights for the categorical draw
  private final double[] low;
  private final double[] high;
  private final double[] centre;
  private final double[] halfWidth;
  private final boolean squashed;
  private final boolean mixture;
  private final int k;
  private final int d;
  private final PolicyLayout layout; // where the head's outputs keep logits, means, log-stds
  private final boolean clampLogStd;
  private final double logStdMin;
  private final double logStdMax;
  private final double logStdScale;

  PolicySession(DeployedPolicy policy) {
    this.policy = policy;
    List<DenseLayer> ls = policy.layers();
    this.layers = ls.toArray(new DenseLayer[0]);
    this.bufA = new double[policy.maxWidth()];
    this.bufB = new double[policy.maxWidth()];
    this.k = policy.components();
    this.d = policy.actionDim();
    this.layout = new PolicyLayout(policy.policyClass(), k, d);
    this.weights = new double[k];
    this.low = policy.actionBox().low();
    this.high = policy.actionBox().high();
    this.centre = policy.actionBox().centre();
    this.halfWidth = policy.actionBox().halfWidth();
    this.squashed = policy.policyClass().squashed();
    this.mixture = policy.policyClass().mixture();
    LogStdBounds b = policy.logStdBounds();
    this.clampLogStd = b.mode() == LogStdBounds.Mode.CLAMP;
    this.logStdMin = b.min();
    this.logStdMax = b.max();
    this.logStdScale = 0.5 * (b.max() - b.min()); // as LogStdBounds.apply computes it
  }

  public DeployedPolicy policy() {
    return policy;
  }

  /**
   * The deterministic action for {@code obs}, written to {@code out}: for g the mean; for sg the
   * squashed mean c + h·tanh(mean); for gm and sgm the mean of the heaviest component (largest
   * logit, the first one at a tie), squashed for sgm. Then clipped to the action box. This is
   * the action mixrl's deterministic evaluation takes ({@code Policy.mode()}); for a mixture it
   * is not the density's mode, which has no closed form.
   *
   * @throws IllegalArgumentException if {@code obs} has the wrong length or a non-finite value,
   *     or {@code out} has the wrong length
   */
  public void act(double[] obs, double[] out) {
    checkArguments(obs, out);
    double[] o = forward(obs);
    int comp = mixture ? heaviest(o) : 0;
    int meanAt = layout.meanIndex(comp, 0);
    for (int j = 0; j < d; j++) {
      double m = o[meanAt + j];
      out[j] = clip(j, squashed ? squash(j, m) : m);
    }
  }

  /**
   * A stochastic action for {@code obs}, written to {@code out}: a draw from the policy (for a
   * mixture a component k ~ Cat(softmax(logits)), then the latent mean_k + exp(logStd_k)·ε with
   * ε ~ N(0, I)), squashed for sg/sgm, clipped to the action box. Consumes {@code rng} exactly
   * as the training agent's {@code Sac.act} does, so the same stream gives the same action.
   *
   * @throws IllegalArgumentException as for {@link #act}, or if {@code rng} is null
   */
  public void sample(double[] obs, RandomStream rng, double[] out) {
    checkArguments(obs, out);
    if (rng == null) {
      throw new IllegalArgumentException("sample: rng must not be null");
    }
    double[] o = forward(obs);
    int comp = 0;
    if (mixture) {
      softmax(o);
      comp = rng.nextCategorical(weights);
    }
    int meanAt = layout.meanIndex(comp, 0);
    int logStdAt = layout.logStdIndex(comp, 0);
    // draw every ε before using any, in the order Tensor.randn fills [1, 1, d]
    for (int j = 0; j < d; j++) {
      out[j] = rng.nextGaussian();
    }
    for (int j = 0; j < d; j++) {
      double u = o[meanAt + j] + Math.exp(boundLogStd(o[logStdAt + j])) * out[j];
      out[j] = clip(j, squashed ? squash(j, u) : u);
    }
  }

  /** The network's outputs for {@code obs}, in one of the two buffers. */
  private double[] forward(double[] obs) {
    double[] x = obs;
    double[] y = bufA;
    for (DenseLayer layer : layers) {
      layer.forward(x, y);
      x = y;
      y = y == bufA ? bufB : bufA;
    }
    return x;
  }

  /** Index of the largest logit, the first at ties (Tensor.argmax). */
  private int heaviest(double[] o) {
    int best = 0;
    double bv = o[0];
    for (int r = 1; r < k; r++) {
      if (o[r] > bv) {
        bv = o[r];
        best = r;
      }
    }
    return best;
  }

  /** weights = exp(logits − logsumexp(logits)), as GaussianMixture.weights() computes it. */
  private void softmax(double[] o) {
    double m = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < k; r++) {
      m = Math.max(m, o[r]);
    }
    double lse;
    if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY || Double.isNaN(m)) {
      lse = m;
    } else {
      double s = 0;
      for (int r = 0; r < k; r++) {
        s += Math.exp(o[r] - m);
      }
      lse = m + Math.log(s);
    }
    for (int r = 0; r < k; r++) {
      weights[r] = Math.exp(lse == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : o[r] - lse);
    }
  }

  /** LogStdBounds.apply for one raw output. */
  private double boundLogStd(double raw) {
    if (clampLogStd) {
      return raw < logStdMin ? logStdMin : (raw > logStdMax ? logStdMax : raw);
    }
    return (StrictMath.tanh(raw) + 1) * logStdScale + logStdMin;
  }

  /** TanhSquash.apply: tanh(u)·h + c. */
  private double squash(int j, double u) {
    return StrictMath.tanh(u) * halfWidth[j] + centre[j];
  }

  /** Box.clip: min(max(x, low), high). */
  private double clip(int j, double x) {
    return Math.min(Math.max(x, low[j]), high[j]);
  }

  private void checkArguments(double[] obs, double[] out) {
    int n = policy.obsDim();
    if (obs == null || obs.length != n) {
      throw new IllegalArgumentException(
          "obs must have length " + n + " (the policy's observation size), got "
              + (obs == null ? "null" : "length " + obs.length));
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(obs[i])) {
        throw new IllegalArgumentException(
            "obs[" + i + "] is " + obs[i] + "; observations must be finite");
      }
    }
    if (out == null || out.length != d) {
      throw new IllegalArgumentException(
          "out must have length " + d + " (the policy's action size), got "
              + (out == null ? "null" : "length " + out.length));
    }
  }
}
