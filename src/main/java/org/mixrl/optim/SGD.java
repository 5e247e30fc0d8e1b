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
public final class SGD implements Optimizer {
  static final String NAME = "SGD";

  private final SgdConfig config;
  private final ParameterSlots slots;

  public SGD(List<NamedParameter> params, SgdConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("SGD: config must not be null");
    }
    this.config = config;
    this.slots = new ParameterSlots(NAME, params, "momentum_buffer");
  }

  public SGD(Module module, SgdConfig config) {
    this(module.namedParameters(), config);
  }

  public SgdConfig config() {
    return config;
  }

  @Override
  public void step() {
    double lr = config.learningRate();
    double mu = config.momentum();
    double wd = config.weightDecay();
    for (ParameterSlots.Slot s : slots.slots) {
      if (s.param.grad() == null) {
        continue;
      }
      double[] g = s.param.grad().data();
      double[] p = s.param.data();
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

  @Override
  public void zeroGrad() {
    slots.zeroGrad();
  }

  @Override
  public OptimizerState exportState() {
    return slots.export();
  }

  @Override
  public void importState(OptimizerState state) {
    slots.importState(state);
  }
}
