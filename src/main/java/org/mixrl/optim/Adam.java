package org.mixrl.optim;

import java.util.List;
import org.mixrl.nn.Module;
import org.mixrl.nn.NamedParameter;

/**
 * Adam (Kingma and Ba 2015) with PyTorch's {@code torch.optim.Adam} semantics, per parameter:
 *
 * <pre>
 * t ← t + 1;  g ← ∇ + λ·p                 (L2 weight decay, not AdamW)
 * m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²
 * p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * which equals p − lr·m̂/(√v̂ + ε) with ε outside the square root. The arithmetic is grouped as
 * PyTorch groups it so that results agree to the last few bits.
 */
public final class Adam extends SlotOptimizer<AdamConfig> {
  static final String NAME = "Adam";
  private static final int M = 0;
  private static final int V = 1;

  /** Adam over {@code params}, which are modified in place by {@link #step()}. */
  public Adam(List<NamedParameter> params, AdamConfig config) {
    super(NAME, params, config, "exp_avg", "exp_avg_sq");
  }

  /** Adam over all parameters of {@code module}. */
  public Adam(Module module, AdamConfig config) {
    this(module.namedParameters(), config);
  }

  @Override
  void update(ParameterSlots.Slot s, double[] g, double[] p) {
    double lr = config.learningRate();
    double b1 = config.beta1();
    double b2 = config.beta2();
    double eps = config.eps();
    double wd = config.weightDecay();
    if (s.buffers[M] == null) {
      s.buffers[M] = new double[p.length];
      s.buffers[V] = new double[p.length];
    }
    double[] m = s.buffers[M];
    double[] v = s.buffers[V];
    s.step++;
    double bc1 = 1 - Math.pow(b1, s.step);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(b2, s.step));
    double stepSize = lr / bc1;
    for (int i = 0; i < p.length; i++) {
      double gi = wd != 0 ? g[i] + wd * p[i] : g[i];
      m[i] = m[i] * b1 + (1 - b1) * gi;
      v[i] = v[i] * b2 + (1 - b2) * gi * gi;
      double denom = Math.sqrt(v[i]) / bc2Sqrt + eps;
      p[i] += -stepSize * (m[i] / denom);
    }
  }
}
