package org.mixrl.optim;

import java.util.List;
import org.mixrl.nn.Module;
import org.mixrl.nn.NamedParameter;

/**
 * Stochastic gradient descent with PyTorch's {@code torch.optim.SGD} semantics (dampening 0):
 *
 * <pre>
 * g ← ∇ + λ·p
 * b ← g on the first step, else μ·b + g
 * p ← p − lr·b        (Nesterov: p ← p − lr·(g + μ·b))
 * </pre>
 *
 * <p>Note the convention: lr multiplies the buffer, unlike the Sutskever et al. form where it
 * is inside it; the two differ when lr changes between steps.
 */
public final class SGD extends SlotOptimizer<SgdConfig> {
  static final String NAME = "SGD";

  public SGD(List<NamedParameter> params, SgdConfig config) {
    super(NAME, params, config, "momentum_buffer");
  }

  public SGD(Module module, SgdConfig config) {
    this(module.namedParameters(), config);
  }

  @Override
  void update(ParameterSlots.Slot s, double[] g, double[] p) {
    double lr = config.learningRate();
    double mu = config.momentum();
    double wd = config.weightDecay();
    boolean first = s.buffers[0] == null;
    if (first) {
      s.buffers[0] = new double[p.length];
    }
    double[] buf = s.buffers[0];
    s.step++;
    for (int i = 0; i < p.length; i++) {
      double gi = wd != 0 ? g[i] + wd * p[i] : g[i];
      double d = gi;
      if (mu != 0) {
        buf[i] = first ? gi : mu * buf[i] + gi;
        d = config.nesterov() ? gi + mu * buf[i] : buf[i];
      }
      p[i] += -lr * d;
    }
  }
}
