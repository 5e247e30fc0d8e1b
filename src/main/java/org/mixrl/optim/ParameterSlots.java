package org.mixrl.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixrl.nn.NamedParameter;
import org.mixrl.nn.ParameterSet;
import org.mixrl.tensor.Tensor;

/**
 * The bookkeeping every optimizer shares: its parameters by name, a step count and named
 * buffers per parameter, and the validated export/import of that state.
 */
final class ParameterSlots {
  /** One parameter and its state; buffers are null until the parameter's first step. */
  static final class Slot {
    final String name;
    final Tensor param;
    long step;
    final double[][] buffers;

    Slot(String name, Tensor param, int bufferCount) {
      this.name = name;
      this.param = param;
      this.buffers = new double[bufferCount][];
    }
  }

  private final String optimizer;
  private final String[] bufferNames;
  final List<Slot> slots = new ArrayList<>();

  ParameterSlots(String optimizer, List<NamedParameter> params, String... bufferNames) {
    this.optimizer = optimizer;
    this.bufferNames = bufferNames;
    if (params == null || params.isEmpty()) {
      throw new IllegalArgumentException(optimizer + ": needs at least one parameter");
    }
    ParameterSet.of(params); // rejects duplicate names
    for (NamedParameter p : params) {
      if (!p.tensor().requiresGrad()) {
        throw new IllegalArgumentException(
            optimizer + ": parameter '" + p.name() + "' does not require grad");
      }
      slots.add(new Slot(p.name(), p.tensor(), bufferNames.length));
    }
  }

  void zeroGrad() {
    for (Slot s : slots) {
      s.param.zeroGrad();
    }
  }

  OptimizerState export() {
    Map<String, OptimizerState.ParameterState> out = new LinkedHashMap<>();
    for (Slot s : slots) {
      if (s.buffers[0] == null) {
        continue;
      }
      Map<String, double[]> bufs = new LinkedHashMap<>();
      for (int i = 0; i < bufferNames.length; i++) {
        bufs.put(bufferNames[i], s.buffers[i]);
      }
      out.put(s.name, new OptimizerState.ParameterState(s.step, bufs));
    }
    return new OptimizerState(optimizer, out);
  }

  void importState(OptimizerState state) {
    if (!optimizer.equals(state.optimizer())) {
      throw new IllegalArgumentException(
          optimizer + ".importState: state was written by " + state.optimizer());
    }
    Map<String, Slot> byName = new LinkedHashMap<>();
    for (Slot s : slots) {
      byName.put(s.name, s);
    }
    // validate everything first so that a bad state leaves the optimizer untouched
    for (Map.Entry<String, OptimizerState.ParameterState> e : state.parameters().entrySet()) {
      Slot s = byName.get(e.getKey());
      if (s == null) {
        throw new IllegalArgumentException(
            optimizer + ".importState: state has parameter '" + e.getKey()
                + "' that this optimizer does not update; known: " + byName.keySet());
      }
      Map<String, double[]> bufs = e.getValue().buffers();
      if (!bufs.keySet().equals(java.util.Set.of(bufferNames))) {
        throw new IllegalArgumentException(
            optimizer + ".importState: parameter '" + e.getKey() + "' has buffers "
                + bufs.keySet() + ", expected " + java.util.Arrays.toString(bufferNames));
      }
      for (String b : bufferNames) {
        if (bufs.get(b).length != s.param.numel()) {
          throw new IllegalArgumentException(
              optimizer + ".importState: buffer '" + b + "' of parameter '" + e.getKey()
                  + "' has " + bufs.get(b).length + " values, the parameter has "
                  + s.param.numel());
        }
      }
    }
    for (Slot s : slots) {
      OptimizerState.ParameterState ps = state.parameters().get(s.name);
      s.step = ps == null ? 0 : ps.step();
      for (int i = 0; i < bufferNames.length; i++) {
        s.buffers[i] = ps == null ? null : ps.buffer(bufferNames[i]);
      }
    }
  }
}
