package org.mixrl.nn;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.tensor.Tensor;

/**
 * Something with trainable parameters, each under a stable dotted name ({@code layers.0.weight},
 * as PyTorch's {@code named_parameters()}), so optimizer state and parameter files can refer to
 * parameters by name rather than by position.
 */
public interface Module {
  /** The parameters in a fixed order, with unique names. The tensors are live. */
  List<NamedParameter> namedParameters();

  /** The parameter tensors, in the order of {@link #namedParameters()}. */
  default List<Tensor> parameters() {
    List<Tensor> out = new ArrayList<>();
    for (NamedParameter p : namedParameters()) {
      out.add(p.tensor());
    }
    return out;
  }

  /** The parameters indexed by name. */
  default ParameterSet parameterSet() {
    return ParameterSet.of(namedParameters());
  }

  /** Total number of scalar parameters. */
  default long parameterCount() {
    long n = 0;
    for (NamedParameter p : namedParameters()) {
      n += p.tensor().numel();
    }
    return n;
  }

  /** Clears every parameter's gradient (as {@code zero_grad(set_to_none=True)}). */
  default void zeroGrad() {
    for (NamedParameter p : namedParameters()) {
      p.tensor().zeroGrad();
    }
  }

  /**
   * θ ← θ_source: copies every parameter value from a module with the same names and shapes
   * (e.g. to initialise a target network). Checks everything before writing anything.
   */
  default void copyFrom(Module source) {
    parameterSet().copyFrom(source.parameterSet());
  }

  /** The parameters of {@code child} renamed {@code prefix.name}, for composite modules. */
  static List<NamedParameter> prefixed(String prefix, Module child) {
    List<NamedParameter> out = new ArrayList<>();
    for (NamedParameter p : child.namedParameters()) {
      out.add(p.prefixed(prefix));
    }
    return out;
  }
}
