package org.mixrl.nn;

import java.util.Objects;
import org.mixrl.tensor.Tensor;

/** A trainable tensor and its stable dotted name, such as {@code layers.0.weight}. */
public record NamedParameter(String name, Tensor tensor) {
  public NamedParameter {
    Objects.requireNonNull(tensor, "tensor");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name must be a non-empty string, got " + name);
    }
  }

  /** This parameter renamed {@code prefix.name}, for nesting modules. */
  public NamedParameter prefixed(String prefix) {
    return new NamedParameter(prefix + "." + name, tensor);
  }
}
