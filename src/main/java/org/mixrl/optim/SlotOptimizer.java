package org.mixrl.optim;

import java.util.List;
import org.mixrl.nn.NamedParameter;

/**
 * What {@link Adam} and {@link SGD} share: a config, one slot per parameter (its state buffers
 * and step count), the sweep over the parameters that have a gradient, and the state's export
 * and import. A subclass writes only its update of one parameter.
 *
 * @param <C> the config record
 */
public abstract sealed class SlotOptimizer<C> implements Optimizer permits Adam, SGD {
  /** The hyperparameters. */
  protected final C config;

  final ParameterSlots slots;

  SlotOptimizer(String name, List<NamedParameter> params, C config, String... bufferNames) {
    if (config == null) {
      throw new IllegalArgumentException(name + ": config must not be null");
    }
    this.config = config;
    this.slots = new ParameterSlots(name, params, bufferNames);
  }

  public C config() {
    return config;
  }

  /** Updates every parameter whose gradient is not null (not reached: skipped, as in PyTorch). */
  @Override
  public final void step() {
    for (ParameterSlots.Slot s : slots.slots) {
      if (s.param.grad() == null) {
        continue;
      }
      update(s, s.param.grad().data(), s.param.data());
    }
  }

  /** One parameter's update: {@code p} in place from its gradient {@code g} and slot state. */
  abstract void update(ParameterSlots.Slot s, double[] g, double[] p);

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
