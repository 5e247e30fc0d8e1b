package org.mixrl.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exported optimizer state, by parameter name, for checkpoints: which optimizer wrote it, and
 * per parameter its step count and named buffers ({@code exp_avg}, {@code exp_avg_sq} for Adam,
 * {@code momentum_buffer} for SGD, as in PyTorch's state_dict). Parameters that have never been
 * stepped have no entry.
 */
public record OptimizerState(String optimizer, Map<String, ParameterState> parameters) {
  public OptimizerState {
    if (optimizer == null || optimizer.isEmpty()) {
      throw new IllegalArgumentException("optimizer must be a non-empty name, got " + optimizer);
    }
    if (parameters == null) {
      throw new IllegalArgumentException("parameters must not be null");
    }
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** One parameter's state. The arrays are copied in and never shared with an optimizer. */
  public record ParameterState(long step, Map<String, double[]> buffers) {
    public ParameterState {
      if (step < 0) {
        throw new IllegalArgumentException("step must be >= 0, got " + step);
      }
      if (buffers == null) {
        throw new IllegalArgumentException("buffers must not be null");
      }
      Map<String, double[]> copy = new LinkedHashMap<>();
      buffers.forEach((k, v) -> copy.put(k, v.clone()));
      buffers = Collections.unmodifiableMap(copy);
    }

    /** A copy of buffer {@code name}; throws if there is none. */
    public double[] buffer(String name) {
      double[] b = buffers.get(name);
      if (b == null) {
        throw new IllegalArgumentException(
            "no buffer '" + name + "'; present: " + buffers.keySet());
      }
      return b.clone();
    }
  }
}
